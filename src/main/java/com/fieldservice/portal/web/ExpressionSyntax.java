package com.fieldservice.portal.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The expressions {@link PortalExpressions} evaluates itself, as trees: what the grammar below
 * reads, and nothing else (null, for OGNL to evaluate).
 */
final class ExpressionSyntax {

    /** Names Thymeleaf resolves itself, not as the page's variables. */
    private static final Set<String> RESERVED = Set.of("param", "session", "application", "request", "response");
    /** OGNL's words, never a variable's name here. */
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "eq", "neq", "lt", "lte", "gt", "gte", "in",
            "instanceof", "shl", "shr", "ushr", "band", "bor", "xor", "new");

    private ExpressionSyntax() {
    }

    /** The expression's tree, or null if it is not one of these. */
    static Node parse(String expression) {
        return new Parser(expression).whole();
    }

    sealed interface Node permits Variable, Constant, Call, Index, Not, Binary, Conditional {
    }

    record Variable(String name) implements Node {
    }

    record Constant(Object value) implements Node {
    }

    /**
     * A method of what {@code target} gives, or a property read ({@code query.size}: its getter);
     * the method last found for its class is kept beside it.
     */
    static final class Call implements Node {
        final Node target;
        final String method;
        final List<Node> arguments;
        final boolean property;
        /** Written by {@link PortalExpressions} alone. */
        volatile Found found;

        Call(Node target, String method, List<Node> arguments, boolean property) {
            this.target = target;
            this.method = method;
            this.arguments = arguments;
            this.property = property;
        }
    }

    record Found(Class<?> type, Method method) {
    }

    record Index(Node target, Node key) implements Node {
    }

    record Not(Node operand) implements Node {
    }

    /** A binary operator: its symbol, and the word OGNL also reads for it, if any. */
    enum Operator {
        PLUS("+", null), EQUAL("==", null), NOT_EQUAL("!=", null), LESS("<", null), LESS_OR_EQUAL("<=", null),
        GREATER(">", null), GREATER_OR_EQUAL(">=", null), AND("&&", "and"), OR("||", "or");

        private final String symbol;
        private final String word;

        Operator(String symbol, String word) {
            this.symbol = symbol;
            this.word = word;
        }
    }

    record Binary(Operator operator, Node left, Node right) implements Node {
    }

    record Conditional(Node test, Node then, Node otherwise) implements Node {
    }

    /**
     * expression := or ['?' expression ':' expression]; or := and (('or' | '||') and)*;
     * and := equality (('and' | '&&') equality)*; equality := relation (('==' | '!=') relation)*;
     * relation := sum (('<' | '<=' | '>' | '>=') sum)*; sum := unary ('+' unary)*;
     * unary := ('!' | 'not') unary | '(' expression ')' | text in quotes (two letters or more, no
     * backslash) | a whole number | chain; chain := name ('.' name ['(' [expression (',' expression)*] ')']
     * | '[' expression ']')*. Null for anything else, which OGNL evaluates.
     */
    private static final class Parser {
        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        Node whole() {
            Node node = expression();
            spaces();
            return node != null && at == text.length() ? node : null;
        }

        private Node expression() {
            Node test = or();
            if (test == null || !take("?")) {
                return test;
            }
            Node then = expression();
            if (then == null || !take(":")) {
                return null;
            }
            Node otherwise = expression();
            return otherwise == null ? null : new Conditional(test, then, otherwise);
        }

        private Node or() {
            return operands(this::and, Operator.OR);
        }

        private Node and() {
            return operands(this::equality, Operator.AND);
        }

        private Node equality() {
            return operands(this::relation, Operator.EQUAL, Operator.NOT_EQUAL);
        }

        private Node relation() {
            return operands(this::sum, Operator.LESS, Operator.LESS_OR_EQUAL, Operator.GREATER, Operator.GREATER_OR_EQUAL);
        }

        private Node sum() {
            return operands(this::unary, Operator.PLUS);
        }

        /** Operands of one precedence joined from the left by these operators. */
        private Node operands(Supplier<Node> operand, Operator... operators) {
            Node node = operand.get();
            Operator next;
            while (node != null && (next = next(operators)) != null) {
                Node right = operand.get();
                node = right == null ? null : new Binary(next, node, right);
            }
            return node;
        }

        private Operator next(Operator... operators) {
            for (Operator operator : operators) {
                if (take(operator.symbol) || (operator.word != null && takeWord(operator.word))) {
                    return operator;
                }
            }
            return null;
        }

        private Node unary() {
            spaces();
            if (at >= text.length()) {
                return null;
            }
            if (take("!") || takeWord("not")) {
                Node operand = unary();
                return operand == null ? null : new Not(operand);
            }
            char first = text.charAt(at);
            if (first == '(') {
                at++;
                Node inner = expression();
                return inner != null && take(")") ? inner : null;
            }
            if (first == '\'') {
                return quoted();
            }
            if (Character.isDigit(first)) {
                return number();
            }
            return chain();
        }

        private Node chain() {
            String name = name();
            if (name == null || RESERVED.contains(name) || KEYWORDS.contains(name)) {
                return null;
            }
            Node node = switch (name) {
                case "null" -> new Constant(null);
                case "true" -> new Constant(Boolean.TRUE);
                case "false" -> new Constant(Boolean.FALSE);
                default -> new Variable(name);
            };
            while (at < text.length() && (text.charAt(at) == '.' || text.charAt(at) == '[')) {
                if (text.charAt(at++) == '[') {
                    Node key = expression();
                    if (key == null || !take("]")) {
                        return null;
                    }
                    node = new Index(node, key);
                    continue;
                }
                String method = name();
                if (method == null) {
                    return null;
                }
                if (at >= text.length() || text.charAt(at) != '(') {
                    node = new Call(node, method, List.of(), true);
                    continue;
                }
                at++;
                List<Node> arguments = new ArrayList<>();
                if (!take(")")) {
                    do {
                        Node argument = expression();
                        if (argument == null) {
                            return null;
                        }
                        arguments.add(argument);
                    } while (take(","));
                    if (!take(")")) {
                        return null;
                    }
                }
                node = new Call(node, method, List.copyOf(arguments), false);
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

        /** A whole number as OGNL reads one: an Integer, without a leading zero (octal) or a suffix. */
        private Node number() {
            int start = at;
            while (at < text.length() && Character.isDigit(text.charAt(at))) {
                at++;
            }
            boolean plain = at - start <= 9 && (text.charAt(start) != '0' || at - start == 1)
                    && (at == text.length() || !(Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '.'));
            return plain ? new Constant(Integer.valueOf(text.substring(start, at))) : null;
        }

        private String name() {
            int start = at;
            while (at < text.length() && partOfName(text.charAt(at))) {
                at++;
            }
            return at > start && Character.isLetter(text.charAt(start)) ? text.substring(start, at) : null;
        }

        private static boolean partOfName(char c) {
            return Character.isLetterOrDigit(c) || c == '_';
        }

        private void spaces() {
            while (at < text.length() && text.charAt(at) == ' ') {
                at++;
            }
        }

        /** The symbol next, after spaces; an operator is never taken as the start of a longer one. */
        private boolean take(String symbol) {
            spaces();
            if (!text.startsWith(symbol, at)) {
                return false;
            }
            int end = at + symbol.length();
            char after = end < text.length() ? text.charAt(end) : ' ';
            if (after == '=' && (symbol.equals("<") || symbol.equals(">") || symbol.equals("!")) || after == '+' && symbol.equals("+")) {
                return false;
            }
            at = end;
            return true;
        }

        private boolean takeWord(String word) {
            spaces();
            int end = at + word.length();
            if (text.startsWith(word, at) && (end == text.length() || !partOfName(text.charAt(end)))) {
                at = end;
                return true;
            }
            return false;
        }
    }
}
