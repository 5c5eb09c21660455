// Building blocks of the wire shapes (zod/mini): bounded text and the slug ids of templates.
// Shared by the feature schemas; imports neither DOM nor Node.
import * as z from 'zod/mini';

export const nonEmpty = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
export const shortText = (max: number) => z.string().check(z.maxLength(max));
/** A stable machine id for templates, sections and items: lower-case words joined by dashes. */
export const slug = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), z.maxLength(80));
