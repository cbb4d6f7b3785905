package com.fieldservice.portal.web;

/**
 * A helper that writes for people (dates, numbers) and has one form per language; the renderer
 * hands a template the form of the request's language.
 */
public interface PerLanguage<T> {

    T in(Language language);
}
