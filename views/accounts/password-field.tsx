import type { PasswordErrors, PasswordField } from '@/accounts/passwords';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@/accounts/users';
import type { Translate } from '@/platform/i18n';

/**
 * A password input with its label and, when refused, the reason right below it (the input
 * points at it with aria-describedby). Never filled back in.
 */
export function PasswordInput(props: {
  t: Translate;
  name: PasswordField;
  label: string;
  errors: PasswordErrors;
  autocomplete: 'current-password' | 'new-password';
}) {
  const { t, name } = props;
  const problem = props.errors[name];
  const id = `password-${name}`;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        name={name}
        type="password"
        required
        minlength={props.autocomplete === 'new-password' ? PASSWORD_MIN_LENGTH : undefined}
        maxlength={PASSWORD_MAX_LENGTH}
        autocomplete={props.autocomplete}
        aria-invalid={problem ? 'true' : undefined}
        aria-describedby={problem ? `${id}-error` : undefined}
      />
      {problem ? (
        <p class="field-error" id={`${id}-error`}>
          {t(`accounts.password.error.${problem}`, {
            min: PASSWORD_MIN_LENGTH,
            max: PASSWORD_MAX_LENGTH,
          })}
        </p>
      ) : null}
    </div>
  );
}

/** The new password and its repeat, as the change and the reset forms both ask for them. */
export function NewPasswordInputs(props: { t: Translate; errors: PasswordErrors }) {
  const { t, errors } = props;
  return (
    <>
      <PasswordInput
        t={t}
        name="password"
        label={t('accounts.account.new', { min: PASSWORD_MIN_LENGTH })}
        errors={errors}
        autocomplete="new-password"
      />
      <PasswordInput
        t={t}
        name="repeat"
        label={t('accounts.account.repeat')}
        errors={errors}
        autocomplete="new-password"
      />
    </>
  );
}
