import { z } from 'zod';
import type { ErrorDetail } from '@/platform/http/errors';
import { formList } from '@/platform/http/forms';
import { apiScopeSchema, DEFAULT_TOKEN_DAYS, MAX_TOKEN_DAYS } from '@/platform/auth/scopes';
import type { PasswordErrors } from './passwords';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordSchema } from './users';
import { singleLine } from '@/platform/text';

/**
 * The HTML forms of accounts, as zod schemas read by parseForm: what each form sends. Their
 * problems reach the page as message keys (see localizeDetails), never as a validator's text.
 */
const role = z.enum(['admin', 'organizer']);
const municipalities = formList(z.string().min(1).max(100));

export const loginForm = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  next: z.string().optional(),
});

/** The password forms leave their rules to checkNewPassword: a missing field is an empty one. */
export const passwordChangeForm = z.object({
  current: z.string().default(''),
  password: z.string().default(''),
  repeat: z.string().default(''),
});

export const newPasswordForm = passwordChangeForm.omit({ current: true });

export const resetRequestForm = z.object({ email: z.string().default('') });

export const newUserForm = z.object({
  name: singleLine().min(1).max(200),
  email: z.string().trim().pipe(z.email().max(254)),
  password: passwordSchema,
  role,
  municipalities,
});

export const accessForm = z.object({ role, municipalities });

/** A new API token: its label, what it may do (checkboxes) and for how many days. */
export const tokenForm = z.object({
  label: singleLine().max(100).default(''),
  scopes: formList(apiScopeSchema).refine((scopes) => scopes.length > 0, {
    message: 'Choose at least one scope',
    params: { key: 'accounts.tokens.scopesRequired' },
  }),
  expiresInDays: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.coerce.number().int().min(1).max(MAX_TOKEN_DAYS).default(DEFAULT_TOKEN_DAYS),
  ),
});

/** A password problem of checkNewPassword as a detail with its message key. */
export function passwordDetails(errors: PasswordErrors): ErrorDetail[] {
  return Object.entries(errors).map(([path, problem]) => ({
    path,
    message: problem,
    localized: {
      key: `accounts.password.error.${problem}`,
      params: { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH },
    },
  }));
}

/** The one detail of a refused reset request: the address is not an address. */
export const invalidResetEmail: ErrorDetail[] = [
  {
    path: 'email',
    message: 'Not an email address',
    localized: { key: 'accounts.reset.invalidEmail' },
  },
];
