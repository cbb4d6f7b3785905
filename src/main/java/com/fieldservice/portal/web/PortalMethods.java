package com.fieldservice.portal.web;

import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import ognl.MethodAccessor;
import ognl.MethodFailedException;
import ognl.ObjectMethodAccessor;
import ognl.OgnlRuntime;

/**
 * How templates call the methods of the portal's own objects ({@code ${job.name()}},
 * {@code ${local.dayTime(job.dateCreate())}}): straight to the one public method of that name
 * and number of arguments, found once per class. Everything else (a JDK or library object, an
 * overloaded name, arguments the method can't take) goes to OGNL's own accessor, with
 * Thymeleaf's restrictions on what templates may call.
 *
 * <p>Why: OGNL looks a method up, matches its arguments and checks it against Thymeleaf's
 * list of blocked types at every call; a work order page makes hundreds of such calls, and
 * that was a sixth of its CPU. The portal's classes are not on that list, and their methods
 * are the page's data.
 */
final class PortalMethods implements MethodAccessor {

    private static final String PORTAL_PACKAGE = "com.fieldservice.portal.";
    private static boolean installed;

    /** A portal class's public instance methods (not Object's) by name and number of arguments. */
    private static final ClassValue<Map<String, List<Method>>> METHODS = new ClassValue<>() {
        @Override
        protected Map<String, List<Method>> computeValue(Class<?> type) {
            return type.getName().startsWith(PORTAL_PACKAGE) ? byNameAndArity(type) : Map.of();
        }
    };

    private final MethodAccessor ognl = new ObjectMethodAccessor();

    /** The portal's own public method of a class by name and number of arguments when no other shares them; null for any other. */
    static Method find(Class<?> type, String name, int arity) {
        List<Method> methods = METHODS.get(type).get(key(name, arity));
        return methods != null && methods.size() == 1 ? methods.get(0) : null;
    }

    /**
     * The getter OGNL reads a portal object's property with, as Java beans name them: {@code
     * ascending}, {@code isAscending()} returning boolean, else {@code size}, {@code getSize()};
     * null if it has neither (a field, a record's component: OGNL's to read).
     */
    static Method getter(Class<?> type, String property) {
        if (!Character.isLowerCase(property.charAt(0))) {
            return null;
        }
        String suffix = Character.toUpperCase(property.charAt(0)) + property.substring(1);
        Method is = find(type, "is" + suffix, 0);
        return is != null && is.getReturnType() == boolean.class ? is : find(type, "get" + suffix, 0);
    }

    /**
     * Of the portal's own public methods of that name for these arguments, the only one whose
     * parameters take them as they are (an overload by the argument's type: {@code day(LocalDate)}
     * beside {@code day(OffsetDateTime)}); null if none does, several do, or an argument is null.
     */
    static Method onlyOneTaking(Class<?> type, String name, Object[] arguments) {
        List<Method> methods = METHODS.get(type).get(key(name, arguments.length));
        if (methods == null || Arrays.asList(arguments).contains(null)) {
            return null;
        }
        Method taking = null;
        for (Method method : methods) {
            if (takes(method, arguments)) {
                if (taking != null) {
                    return null;
                }
                taking = method;
            }
        }
        return taking;
    }

    private static boolean takes(Method method, Object[] arguments) {
        Class<?>[] parameters = method.getParameterTypes();
        for (int i = 0; i < parameters.length; i++) {
            Class<?> parameter = parameters[i].isPrimitive() ? MethodType.methodType(parameters[i]).wrap().returnType() : parameters[i];
            if (!parameter.isInstance(arguments[i])) {
                return false;
            }
        }
        return true;
    }

    /** Puts it in place, once for the JVM: OGNL keeps its accessors in one static registry. */
    static synchronized void install() {
        if (!installed) {
            OgnlRuntime.setMethodAccessor(Object.class, new PortalMethods());
            installed = true;
        }
    }

    @Override
    public Object callMethod(Map context, Object target, String name, Object[] args) throws MethodFailedException {
        Method method = find(target.getClass(), name, args.length);
        if (method != null) {
            try {
                return method.invoke(target, args);
            } catch (IllegalArgumentException e) {
                // arguments OGNL would convert first (a String for a number...): its own way
            } catch (IllegalAccessException e) {
                throw new MethodFailedException(target, name, e);
            } catch (InvocationTargetException e) {
                throw new MethodFailedException(target, name, e.getCause());
            }
        }
        return ognl.callMethod(context, target, name, args);
    }

    @Override
    public Object callStaticMethod(Map context, Class targetClass, String name, Object[] args) throws MethodFailedException {
        return ognl.callStaticMethod(context, targetClass, name, args);
    }

    private static Map<String, List<Method>> byNameAndArity(Class<?> type) {
        return Arrays.stream(type.getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() != Object.class)
                .map(PortalMethods::accessible)
                .collect(Collectors.collectingAndThen(Collectors.groupingBy(m -> key(m.getName(), m.getParameterCount()),
                        Collectors.toUnmodifiableList()), Map::copyOf));
    }

    private static Method accessible(Method method) {
        method.setAccessible(true);
        return method;
    }

    private static String key(String name, int arity) {
        return arity == 0 ? name : name + '/' + arity;
    }
}
