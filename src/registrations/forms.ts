import { z } from 'zod';
import { checked, formFields, formSchema, text, type Form } from '@/platform/http/forms';
import { answersFromForm, type Answers, type Question } from '@/questions';
import { attendanceValues, registrationInput } from './rules';

function formAnswers(form: Form, questions: Question[]): Answers {
  const fields = formFields(form);
  return answersFromForm(questions, (name) => fields[name]);
}

/** Reads the HTML form's fields into the API's shape (checkboxes send a value or nothing). */
export function formToInput(form: Form, questions: Question[]): unknown {
  const optional = (name: string) => (name in form ? text(form, name) : undefined);
  return {
    name: text(form, 'name'),
    email: text(form, 'email'),
    organization: optional('organization'),
    attendance: text(form, 'attendance'),
    needs: optional('needs'),
    consent: checked(form, 'consent') ? true : undefined,
    followUp: checked(form, 'followUp'),
    answers: formAnswers(form, questions),
  };
}

/** The public registration form of an event asking these questions (POST /events/:slug/register). */
export function registrationForm(questions: Question[]) {
  return formSchema((form) => formToInput(form, questions), registrationInput);
}

/** What the person typed, to show the form again beside its errors. */
export type RegistrationFormValues = {
  name?: string;
  email?: string;
  organization?: string;
  attendance?: string;
  needs?: string;
  followUp?: boolean;
  answers?: Answers;
};

export function registrationFormValues(form: Form, questions: Question[]): RegistrationFormValues {
  return {
    name: text(form, 'name'),
    email: text(form, 'email'),
    organization: text(form, 'organization'),
    attendance: text(form, 'attendance'),
    needs: text(form, 'needs'),
    followUp: checked(form, 'followUp'),
    answers: formAnswers(form, questions),
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
