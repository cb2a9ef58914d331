import type { FieldErrors } from '@/platform/http/validation';
import { fieldId } from './form';

/**
 * The one email address field of the public forms (registration, follow by email): labelled,
 * its messages beside it and referenced by the input, the browser's own address check and
 * autofill. `id` tells two such forms on one page apart (the summary's link leads to it); the
 * posted name and the errors' key stay `name`.
 */
export function EmailField(props: {
  label: string;
  value: string | undefined;
  errors: FieldErrors | undefined;
  name?: string;
  id?: string;
}) {
  const name = props.name ?? 'email';
  const id = props.id ?? fieldId(name);
  const messages = props.errors?.[name];
  const invalid = Boolean(messages && messages.length > 0);
  return (
    <div class={invalid ? 'field has-error' : 'field'}>
      <label for={id}>{props.label}</label>
      {invalid ? (
        <p class="field-error" id={`${id}-error`}>
          {messages?.join(' ')}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        type="email"
        required
        maxlength={254}
        autocomplete="email"
        value={props.value ?? ''}
        {...(invalid ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${id}-error` } : {})}
      />
    </div>
  );
}
