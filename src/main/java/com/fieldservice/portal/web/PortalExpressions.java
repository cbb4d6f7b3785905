package com.fieldservice.portal.web;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.standard.expression.IStandardVariableExpression;
import org.thymeleaf.standard.expression.IStandardVariableExpressionEvaluator;
import org.thymeleaf.standard.expression.OGNLVariableExpressionEvaluator;
import org.thymeleaf.standard.expression.StandardExpressionExecutionContext;
import org.thymeleaf.standard.expression.StandardExpressions;
import org.thymeleaf.standard.util.StandardExpressionUtils;

/**
 * Evaluates the templates' plainest expressions itself: a variable, then calls of the portal's own
 * methods whose arguments are such expressions too, or text in quotes ({@code ${job.name()}},
 * {@code ${local.dayTime(v.dateStart())}}, {@code ${query.isChosen('status', s.code())}}), and the
 * words {@code null}, {@code true} and {@code false}. Anything else (operators, numbers, a one-letter
 * quote (OGNL's char), utility objects, request parameters, a JDK object's method, a null on the
 * way, an argument the method can't take) goes to Thymeleaf's OGNL evaluator, with its
 * restrictions, exactly as before. Where Thymeleaf restricts an expression (a link's parameters,
 * a fragment's arguments, th:attr...), it forbids request parameters, which are never evaluated
 * here, and new objects and static classes, which OGNL is left to refuse.
 *
 * <p>Why: OGNL builds a context and walks its syntax tree at every evaluation; a work order page
 * evaluates several hundred expressions, most of them plain calls of a record's accessor. The
 * methods reached here are those {@link PortalMethods} lets OGNL call directly: the public
 * methods of the portal's classes, never Object's.
 */
final class PortalExpressions implements IStandardVariableExpressionEvaluator {

    /** Names Thymeleaf resolves itself, not as the page's variables. */
    private static final Set<String> RESERVED = Set.of("param", "session", "application", "request", "response");
    private static final int MAX_REMEMBERED = 10_000;

    private final IStandardVariableExpressionEvaluator ognl = new OGNLVariableExpressionEvaluator(true);
    private final ConcurrentHashMap<String, Optional<Parsed>> parsed = new ConcurrentHashMap<>();

    /** An expression this class evaluates; {@code restricted}: Thymeleaf refuses it where it restricts expressions. */
    private record Parsed(Node node, boolean restricted) {
    }

    /** A variable, a constant, or a method call on what another node gives. */
    private sealed interface Node permits Variable, Constant, Call {
    }

    private record Variable(String name) implements Node {
    }

    private record Constant(Object value) implements Node {
    }

    private record Call(Node target, String method, List<Node> arguments) implements Node {
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
            known = Optional.ofNullable(new Parser(expression).whole()).map(node -> new Parsed(node,
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
        Call call = (Call) node;
        Object target = value(call.target(), context);
        if (target == null || target == NOT_MINE) {
            return NOT_MINE;
        }
        Method method = PortalMethods.find(target.getClass(), call.method(), call.arguments().size());
        if (method == null) {
            return NOT_MINE;
        }
        Object[] arguments = new Object[call.arguments().size()];
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = value(call.arguments().get(i), context);
            if (arguments[i] == NOT_MINE) {
                return NOT_MINE;
            }
        }
        try {
            return method.invoke(target, arguments);
        } catch (IllegalArgumentException | IllegalAccessException | InvocationTargetException e) {
            // an argument to convert first, or a failure OGNL reports in its own words
            return NOT_MINE;
        }
    }

    /**
     * chain := name ('.' name '(' [argument (', ' argument)*] ')')*, argument := chain or text in
     * quotes (two letters or more, no backslash); null for anything else.
     */
    private static final class Parser {
        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        Node whole() {
            Node node = chain();
            return node != null && at == text.length() ? node : null;
        }

        private Node chain() {
            String name = name();
            if (name == null || RESERVED.contains(name)) {
                return null;
            }
            Node node = switch (name) {
                case "null" -> new Constant(null);
                case "true" -> new Constant(Boolean.TRUE);
                case "false" -> new Constant(Boolean.FALSE);
                default -> new Variable(name);
            };
            while (at < text.length() && text.charAt(at) == '.') {
                at++;
                String method = name();
                if (method == null || !take('(')) {
                    return null;
                }
                List<Node> arguments = new ArrayList<>();
                if (!take(')')) {
                    do {
                        take(' ');
                        Node argument = at < text.length() && text.charAt(at) == '\'' ? quoted() : chain();
                        if (argument == null) {
                            return null;
                        }
                        arguments.add(argument);
                    } while (take(','));
                    if (!take(')')) {
                        return null;
                    }
                }
                node = new Call(node, method, List.copyOf(arguments));
            }
            return node;
        }

        /** Text in quotes, as OGNL reads it: a String, unless it is one letter (a char) or escapes one. */
        private Node quoted() {
            int end = text.indexOf('\'', at + 1);
            if (end < at + 3 || text.substring(at + 1, end).indexOf('\\') >= 0) {
                return null;
            }
            Node node = new Constant(text.substring(at + 1, end));
            at = end + 1;
            return node;
        }

        private String name() {
            int start = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
                at++;
            }
            return at > start && Character.isLetter(text.charAt(start)) ? text.substring(start, at) : null;
        }

        private boolean take(char expected) {
            if (at < text.length() && text.charAt(at) == expected) {
                at++;
                return true;
            }
            return false;
        }
    }
}
