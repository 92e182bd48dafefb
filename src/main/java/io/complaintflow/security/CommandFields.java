package io.complaintflow.security;

import java.lang.reflect.Field;

/**
 * Reads and replaces the arguments a Camunda command was built with. The engine's command classes keep them in
 * protected fields without getters; {@code EngineCommandGuardTest} fails if an engine upgrade renames one.
 */
final class CommandFields {
    private CommandFields() {
    }

    static boolean has(Object command, String name) {
        return find(command.getClass(), name) != null;
    }

    @SuppressWarnings("unchecked")
    static <T> T read(Object command, String name) {
        try {
            return (T) field(command, name).get(command);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    static void replace(Object command, String name, Object value) {
        try {
            field(command, name).set(command, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field field(Object command, String name) {
        Field field = find(command.getClass(), name);
        if (field == null) {
            throw new IllegalStateException(command.getClass().getName() + " has no field " + name);
        }
        field.setAccessible(true);
        return field;
    }

    private static Field find(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException notHere) {
                // look in the superclass
            }
        }
        return null;
    }
}
