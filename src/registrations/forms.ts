import { z } from 'zod';
import { checked, formSchema, text, type Form } from '@/platform/http/forms';
import { attendanceValues, registrationInput } from './rules';

/** Reads the HTML form's fields into the API's shape (checkboxes send a value or nothing). */
export function formToInput(form: Form): unknown {
  const optional = (name: string) => (name in form ? text(form, name) : undefined);
  return {
    name: text(form, 'name'),
    email: text(form, 'email'),
    organization: optional('organization'),
    attendance: text(form, 'attendance'),
    needs: optional('needs'),
    consent: checked(form, 'consent') ? true : undefined,
    followUp: checked(form, 'followUp'),
  };
}

/** The public registration form (POST /events/:slug/register). */
export const registrationForm = formSchema(formToInput, registrationInput);

/** What the person typed, to show the form again beside its errors. */
export type RegistrationFormValues = {
  name?: string;
  email?: string;
  organization?: string;
  attendance?: string;
  needs?: string;
  followUp?: boolean;
};

export function registrationFormValues(form: Form): RegistrationFormValues {
  return {
    name: text(form, 'name'),
    email: text(form, 'email'),
    organization: text(form, 'organization'),
    attendance: text(form, 'attendance'),
    needs: text(form, 'needs'),
    followUp: checked(form, 'followUp'),
  };
}

/** The manage page's switch between in person and online. */
export const attendanceForm = z.object({ attendance: z.enum(attendanceValues) });

/** A tick on the check-in page, and the search to come back to. */
export const checkInForm = z.object({
  arrived: z.enum(['yes', 'no']),
  q: z
    .string()
    .default('')
    .transform((q) => q.trim().slice(0, 100)),
});

export type MessageFormValues = { audience?: string; subject?: string; body?: string };

export function messageFormValues(form: Form): MessageFormValues {
  return {
    audience: text(form, 'audience'),
    subject: text(form, 'subject'),
    body: text(form, 'body'),
  };
}
