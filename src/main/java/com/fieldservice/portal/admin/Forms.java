package com.fieldservice.portal.admin;

import com.fieldservice.portal.jobs.FieldError;
import com.fieldservice.portal.web.Language;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** What an administrator types into the account forms, stripped, and the rules every form shares. */
public final class Forms {

    /** Lengths from the schema: account.username and app_user/contact email, names. */
    public static final int USERNAME_MAX = 250;
    public static final int NAME_MAX = 100;
    public static final int COMPANY_CODE_MAX = 50;

    /** Something@something.tld, no spaces: enough to catch typos; the person receiving the link proves the rest. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}.]+");
    private static final Pattern NO_SPACE_OR_CONTROL = Pattern.compile("[^\\s\\p{Cntrl}]+");

    private Forms() {
    }

    /** A back-office user: email (their username), names, role admin or planner. */
    public record Staff(String email, String firstName, String lastName, String role) {
        public Staff {
            email = clean(email);
            firstName = clean(firstName);
            lastName = clean(lastName);
            role = clean(role);
        }

        public static Staff empty() {
            return new Staff("", "", "", "planner");
        }

        Map<String, FieldError> check() {
            Map<String, FieldError> errors = new LinkedHashMap<>();
            checkEmail(errors, "email", email);
            required(errors, "first_name", firstName, NAME_MAX);
            required(errors, "last_name", lastName, NAME_MAX);
            if (!AccountAdminService.STAFF_ROLES.contains(role)) {
                errors.put("role", FieldError.of("admin.error.role"));
            }
            return errors;
        }
    }

    /**
     * A customer contact invited to the portal: their company (by code), names, email, what they
     * see, the language they read the portal in (en, fr, nl; empty: the portal's default).
     */
    public record Invite(String company, String firstName, String lastName, String email, String scope, String language) {
        public Invite {
            company = clean(company);
            firstName = clean(firstName);
            lastName = clean(lastName);
            email = clean(email);
            scope = clean(scope).isEmpty() ? AccountAdminService.SCOPE_COMPANY : clean(scope);
            language = clean(language);
        }

        public Invite(String company, String firstName, String lastName, String email, String scope) {
            this(company, firstName, lastName, email, scope, "");
        }

        public static Invite empty() {
            return new Invite("", "", "", "", AccountAdminService.SCOPE_COMPANY, "");
        }

        /** The chosen language's code, or null for the portal's default. */
        String languageOrDefault() {
            return Language.of(language).map(Language::code).orElse(null);
        }

        Map<String, FieldError> check() {
            Map<String, FieldError> errors = new LinkedHashMap<>();
            if (company.isEmpty()) {
                errors.put("company", FieldError.of("admin.error.companyRequired"));
            } else if (company.length() > COMPANY_CODE_MAX) {
                errors.put("company", FieldError.of("admin.error.companyUnknown"));
            }
            optional(errors, "first_name", firstName, NAME_MAX);
            required(errors, "last_name", lastName, NAME_MAX);
            checkEmail(errors, "email", email);
            if (!AccountAdminService.SCOPES.contains(scope)) {
                errors.put("scope", FieldError.of("admin.error.scope"));
            }
            if (!language.isEmpty() && Language.of(language).isEmpty()) {
                errors.put("language", FieldError.of("account.language.unknown"));
            }
            return errors;
        }
    }

    /** An integration: a username, no person behind it. */
    public record ApiUser(String username) {
        public ApiUser {
            username = clean(username);
        }

        public static ApiUser empty() {
            return new ApiUser("");
        }

        Map<String, FieldError> check() {
            Map<String, FieldError> errors = new LinkedHashMap<>();
            if (username.isEmpty()) {
                errors.put("username", FieldError.of("admin.error.usernameRequired"));
            } else if (username.length() > USERNAME_MAX) {
                errors.put("username", FieldError.of("admin.error.usernameTooLong"));
            } else if (!NO_SPACE_OR_CONTROL.matcher(username).matches()) {
                errors.put("username", FieldError.of("admin.error.usernameSpaces"));
            }
            return errors;
        }
    }

    static String clean(String value) {
        return value == null ? "" : value.strip();
    }

    private static void checkEmail(Map<String, FieldError> errors, String field, String value) {
        if (value.isEmpty()) {
            errors.put(field, FieldError.of("admin.error.emailRequired"));
        } else if (value.length() > USERNAME_MAX) {
            errors.put(field, FieldError.of("admin.error.emailTooLong"));
        } else if (!EMAIL.matcher(value).matches()) {
            errors.put(field, FieldError.of("admin.error.emailFormat"));
        }
    }

    private static void required(Map<String, FieldError> errors, String field, String value, int max) {
        if (value.isEmpty()) {
            errors.put(field, FieldError.of("admin.error." + camel(field) + "Required"));
        } else {
            optional(errors, field, value, max);
        }
    }

    private static void optional(Map<String, FieldError> errors, String field, String value, int max) {
        if (value.length() > max) {
            errors.put(field, FieldError.of("admin.error." + camel(field) + "TooLong"));
        } else if (value.chars().anyMatch(Character::isISOControl)) {
            errors.put(field, FieldError.of("admin.error.control"));
        }
    }

    /** first_name → firstName, for the message keys. */
    private static String camel(String field) {
        int underscore = field.indexOf('_');
        return underscore < 0 ? field
                : field.substring(0, underscore) + Character.toUpperCase(field.charAt(underscore + 1)) + field.substring(underscore + 2);
    }
}
