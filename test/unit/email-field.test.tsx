import { describe, expect, it } from 'vitest';
import { EmailField } from '@views/shell/email-field';

const errors = { email: ['Kontrollige e-posti aadressi.'] };

describe('EmailField: the one email field of the registration and follow forms', () => {
  it('refused, its message is beside it and named by the input, with its own ids', async () => {
    const html = String(
      await (
        <div>
          <EmailField label="E-post" value="mari@kodu" errors={errors} />
          <EmailField id="f-follow-email" label="E-post" value="" errors={errors} />
        </div>
      ),
    );
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['f-email-error', 'f-email', 'f-follow-email-error', 'f-follow-email']);
    for (const id of ['f-email', 'f-follow-email']) {
      expect(html).toContain(`for="${id}"`);
      expect(html).toMatch(new RegExp(`id="${id}"[^>]*aria-describedby="${id}-error"`));
    }
    expect(html).toContain('value="mari@kodu"');
    expect(html.match(/type="email"/g)).toHaveLength(2);
    expect(html.match(/name="email"/g)).toHaveLength(2);
  });

  it('accepted, it says nothing and is not marked invalid', async () => {
    const html = String(await (<EmailField label="E-post" value="" errors={{}} />));
    expect(html).not.toContain('field-error');
    expect(html).not.toContain('aria-invalid');
    expect(html).toContain('autocomplete="email"');
  });
});
