package com.fieldservice.portal.web;

import com.fieldservice.portal.web.ExpressionSyntax.Binary;
import com.fieldservice.portal.web.ExpressionSyntax.Call;
import com.fieldservice.portal.web.ExpressionSyntax.Conditional;
import com.fieldservice.portal.web.ExpressionSyntax.Constant;
import com.fieldservice.portal.web.ExpressionSyntax.Found;
import com.fieldservice.portal.web.ExpressionSyntax.Index;
import com.fieldservice.portal.web.ExpressionSyntax.Node;
import com.fieldservice.portal.web.ExpressionSyntax.Not;
import com.fieldservice.portal.web.ExpressionSyntax.Operator;
import com.fieldservice.portal.web.ExpressionSyntax.Variable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.standard.expression.IStandardVariableExpression;
import org.thymeleaf.standard.expression.IStandardVariableExpressionEvaluator;
import org.thymeleaf.standard.expression.OGNLVariableExpressionEvaluator;
import org.thymeleaf.standard.expression.StandardExpressionExecutionContext;
import org.thymeleaf.standard.expression.StandardExpressions;
import org.thymeleaf.standard.util.StandardExpressionUtils;

/**
 * Evaluates the templates' plain expressions itself: variables, calls of the portal's own
 * methods, a portal object's property read by its getter ({@code query.size}), a collection's or
 * map's {@code isEmpty()} and {@code size()}, a map read by key, text in quotes, whole numbers,
 * {@code null}, {@code true} and {@code false}, joined by {@code +} on text, {@code ==} and
 * {@code !=} on text, whole numbers, constants of one enum and null, {@code < > <= >=} on whole
 * numbers, {@code !}, {@code not}, {@code and}, {@code or} and {@code ? :} on booleans
 * ({@code ${job.name()}}, {@code ${row.dueDate() == null}}, {@code ${'status-' + group}},
 * {@code ${errors['files'] != null}}). Anything else (another operator, a decimal, a one-letter
 * quote (OGNL's char), utility objects, request parameters, another JDK method, a field, a null on
 * the way, values of other types for an operator, an argument no single method takes) goes to
 * Thymeleaf's OGNL evaluator, with its restrictions,
 * exactly as before: whatever is evaluated here gives what OGNL gives (PortalExpressionsTest
 * compares the two), or is left to OGNL. Where Thymeleaf restricts an expression (a link's
 * parameters, a fragment's arguments, th:attr...), it forbids request parameters, which are never
 * evaluated here, and new objects and static classes, which OGNL is left to refuse.
 *
 * <p>Why: OGNL builds a context and walks its syntax tree at every evaluation, and for each
 * method in an operator's operands looks up whether it is an indexed property; a work order page
 * evaluates several hundred expressions, most of them calls of a record's accessor, and a grid
 * page three operator expressions per line. The methods reached here are those
 * {@link PortalMethods} lets OGNL call directly: the public methods of the portal's classes,
 * never Object's.
 */
final class PortalExpressions implements IStandardVariableExpressionEvaluator {

    private static final int MAX_REMEMBERED = 10_000;

    private final IStandardVariableExpressionEvaluator ognl = new OGNLVariableExpressionEvaluator(true);
    private final ConcurrentHashMap<String, Optional<Parsed>> parsed = new ConcurrentHashMap<>();

    /** An expression this class evaluates; {@code restricted}: Thymeleaf refuses it where it restricts expressions. */
    private record Parsed(Node node, boolean restricted) {
    }

    /** What a node gave, or that it must be left to OGNL. */
    private static final Object NOT_MINE = new Object();

    @Override
    public Object evaluate(IExpressionContext context, IStandardVariableExpression expression,
                           StandardExpressionExecutionContext expContext) {
        if (!expression.getUseSelectionAsRoot()) {
            Optional<Parsed> node = node(expression.getExpression());
            if (node.isPresent() && !(node.get().restricted() && expContext.getRestrictInstantiationAndStatic())) {
                Object value = value(node.get().node(), context);
                if (value != NOT_MINE) {
                    return expContext.getPerformTypeConversion()
                            ? StandardExpressions.getConversionService(context.getConfiguration()).convert(context, value, String.class)
                            : value;
                }
            }
        }
        return ognl.evaluate(context, expression, expContext);
    }

    private Optional<Parsed> node(String expression) {
        Optional<Parsed> known = parsed.get(expression);
        if (known == null) {
            known = Optional.ofNullable(ExpressionSyntax.parse(expression)).map(node -> new Parsed(node,
                    StandardExpressionUtils.containsOGNLInstantiationOrStaticOrParam(expression)));
            if (parsed.size() < MAX_REMEMBERED) {
                parsed.put(expression, known);
            }
        }
        return known;
    }

    private static Object value(Node node, IExpressionContext context) {
        if (node instanceof Variable variable) {
            // one look-up for a variable that has a value (a web page's variables are its request's attributes)
            Object value = context.getVariable(variable.name());
            return value != null || context.containsVariable(variable.name()) ? value : NOT_MINE;
        }
        if (node instanceof Constant constant) {
            return constant.value();
        }
        if (node instanceof Call call) {
            return call(call, context);
        }
        if (node instanceof Index index) {
            Object target = value(index.target(), context);
            Object key = value(index.key(), context);
            // OGNL reads a map by an index as the map's get, whatever the key's text
            return target instanceof Map<?, ?> map && key instanceof String ? map.get(key) : NOT_MINE;
        }
        if (node instanceof Not not) {
            return value(not.operand(), context) instanceof Boolean operand ? !operand : NOT_MINE;
        }
        if (node instanceof Conditional conditional) {
            Object test = value(conditional.test(), context);
            return test instanceof Boolean chosen ? value(chosen ? conditional.then() : conditional.otherwise(), context) : NOT_MINE;
        }
        return binary((Binary) node, context);
    }

    private static Object call(Call call, IExpressionContext context) {
        Object target = value(call.target, context);
        if (target == null || target == NOT_MINE) {
            return NOT_MINE;
        }
        Object[] arguments = new Object[call.arguments.size()];
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = value(call.arguments.get(i), context);
            if (arguments[i] == NOT_MINE) {
                return NOT_MINE;
            }
        }
        Found found = call.found;
        Method method;
        if (found != null && found.type() == target.getClass()) {
            method = found.method();
        } else {
            method = call.property ? PortalMethods.getter(target.getClass(), call.method)
                    : PortalMethods.find(target.getClass(), call.method, arguments.length);
            if (method != null) {
                call.found = new Found(target.getClass(), method);
            } else if (call.property) {
                return NOT_MINE;
            } else {
                method = PortalMethods.onlyOneTaking(target.getClass(), call.method, arguments);
                if (method == null) {
                    return arguments.length == 0 ? sizeOf(target, call.method) : NOT_MINE;
                }
            }
        }
        try {
            return method.invoke(target, arguments);
        } catch (IllegalArgumentException | IllegalAccessException | InvocationTargetException e) {
            // an argument to convert first, or a failure OGNL reports in its own words
            return NOT_MINE;
        }
    }

    /** A collection's or a map's {@code isEmpty()} and {@code size()}, as OGNL calls them. */
    private static Object sizeOf(Object target, String method) {
        int size;
        if (target instanceof Collection<?> collection) {
            size = collection.size();
        } else if (target instanceof Map<?, ?> map) {
            size = map.size();
        } else {
            return NOT_MINE;
        }
        return switch (method) {
            case "isEmpty" -> size == 0;
            case "size" -> size;
            default -> NOT_MINE;
        };
    }

    private static Object binary(Binary binary, IExpressionContext context) {
        Object left = value(binary.left(), context);
        if (left == NOT_MINE) {
            return NOT_MINE;
        }
        if (binary.operator() == Operator.AND || binary.operator() == Operator.OR) {
            // OGNL gives the last operand it read: the first when it decides alone
            if (!(left instanceof Boolean decided)) {
                return NOT_MINE;
            }
            if (decided == (binary.operator() == Operator.OR)) {
                return left;
            }
            Object right = value(binary.right(), context);
            return right instanceof Boolean ? right : NOT_MINE;
        }
        Object right = value(binary.right(), context);
        if (right == NOT_MINE) {
            return NOT_MINE;
        }
        return switch (binary.operator()) {
            case PLUS -> (left instanceof String || right instanceof String) && left != null && right != null
                    ? left.toString() + right : NOT_MINE;
            case EQUAL, NOT_EQUAL -> {
                Boolean equal = equal(left, right);
                yield equal == null ? NOT_MINE : equal == (binary.operator() == Operator.EQUAL);
            }
            default -> {
                if (!(whole(left) && whole(right))) {
                    yield NOT_MINE;
                }
                int order = Long.compare(((Number) left).longValue(), ((Number) right).longValue());
                yield switch (binary.operator()) {
                    case LESS -> order < 0;
                    case LESS_OR_EQUAL -> order <= 0;
                    case GREATER -> order > 0;
                    default -> order >= 0;
                };
            }
        };
    }

    /**
     * Whether OGNL finds two values equal, where that is plain: null with anything, text with
     * text, whole numbers by value, constants of one enum; null when it is not (OGNL converts
     * between other types).
     */
    private static Boolean equal(Object left, Object right) {
        if (left == null || right == null) {
            return left == right;
        }
        if (left instanceof String && right instanceof String) {
            return left.equals(right);
        }
        if (whole(left) && whole(right)) {
            return ((Number) left).longValue() == ((Number) right).longValue();
        }
        if (left instanceof Enum<?> one && right instanceof Enum<?> other && one.getDeclaringClass() == other.getDeclaringClass()) {
            return one == other;
        }
        return null;
    }

    private static boolean whole(Object value) {
        return value instanceof Integer || value instanceof Long;
    }
}
