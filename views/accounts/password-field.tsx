import type { PasswordField } from '@/accounts/passwords';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@/accounts/users';
import type { Translate } from '@/platform/i18n';
import type { FieldErrors } from '@/platform/http/validation';
import { Field, fieldId, invalidAttrs } from '@views/shell/form';

/**
 * A password input with its label and, when refused, the reason beside it (the input points at
 * it with aria-describedby). Never filled back in.
 */
export function PasswordInput(props: {
  name: PasswordField;
  label: string;
  errors: FieldErrors | undefined;
  autocomplete: 'current-password' | 'new-password';
}) {
  const { name } = props;
  return (
    <Field name={name} label={props.label} errors={props.errors}>
      <input
        id={fieldId(name)}
        name={name}
        type="password"
        required
        minlength={props.autocomplete === 'new-password' ? PASSWORD_MIN_LENGTH : undefined}
        maxlength={PASSWORD_MAX_LENGTH}
        autocomplete={props.autocomplete}
        {...invalidAttrs(name, props.errors)}
      />
    </Field>
  );
}

/** The labels of the password fields, for the inputs and the error summary alike. */
export function passwordLabels(t: Translate): Record<PasswordField, string> {
  return {
    current: t('accounts.account.current'),
    password: t('accounts.account.new', { min: PASSWORD_MIN_LENGTH }),
    repeat: t('accounts.account.repeat'),
  };
}

/** The new password and its repeat, as the change and the reset forms both ask for them. */
export function NewPasswordInputs(props: { t: Translate; errors: FieldErrors | undefined }) {
  const labels = passwordLabels(props.t);
  return (
    <>
      <PasswordInput
        name="password"
        label={labels.password}
        errors={props.errors}
        autocomplete="new-password"
      />
      <PasswordInput
        name="repeat"
        label={labels.repeat}
        errors={props.errors}
        autocomplete="new-password"
      />
    </>
  );
}
