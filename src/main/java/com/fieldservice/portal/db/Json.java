package com.fieldservice.portal.db;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jdbi.v3.core.qualifier.Qualifier;

/**
 * A column holding JSON that {@link JsonColumns} reads into the annotated type: a list of the
 * portal's records from {@code json_agg}, so that a page reads a row and its lists in one
 * statement instead of one statement per list.
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface Json {
}
