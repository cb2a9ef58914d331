import type { Logger } from 'drizzle-orm';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processResetRequests } from '@/accounts';
import { outbox, passwordResetRequests, users } from '@/platform/db/schema';
import { createTestContext, type TestContext } from '../helpers/app';
import { makeUser, postForm } from '../helpers/session';

/**
 * Issue 21, finding 10: the timing of "forgot your password?" told which addresses have
 * accounts (a known one made a transaction that stored a token and wrote an email). The request
 * must do the same database work whatever the address. Checked structurally, not with a
 * stopwatch: every statement the request runs is recorded at drizzle's logger (transactions'
 * too), and a known, an unknown and a disabled account's address must run the same statements.
 */

let ctx: TestContext;
let seq = 0;
const from = () => ({ 'x-forwarded-for': `10.10.0.${++seq}` });

beforeAll(async () => {
  ctx = await createTestContext({ config: { TRUST_PROXY: 'true' } });
});
afterAll(() => ctx.close());

type Session = { logger: Logger; options: { logger?: Logger } };

/** The SQL of every statement run while `work` runs (texts only, never their parameters). */
async function statementsOf(work: () => Promise<unknown>): Promise<string[]> {
  // A transaction's session takes the logger from the options: both are swapped.
  const session = (ctx.deps.db as unknown as { session: Session }).session;
  const before = { logger: session.logger, optionsLogger: session.options.logger };
  const statements: string[] = [];
  const logger: Logger = { logQuery: (query) => statements.push(query) };
  session.logger = logger;
  session.options.logger = logger;
  try {
    await work();
  } finally {
    session.logger = before.logger;
    session.options.logger = before.optionsLogger;
  }
  return statements;
}

function request(email: string) {
  return statementsOf(async () => {
    const res = await postForm(ctx, '/admin/password-reset', { email }, from());
    expect(res.status).toBe(303);
  });
}

describe('a password-reset request', () => {
  it('runs the same statements for a known, an unknown and a disabled account’s address', async () => {
    const user = await makeUser(ctx, { role: 'organizer' });
    const disabled = await makeUser(ctx, { role: 'organizer' });
    await ctx.deps.db
      .update(users)
      .set({ disabledAt: ctx.clock.now() })
      .where(eq(users.id, disabled.id));
    const known = await request(user.email);
    const unknown = await request('nobody-here@koda.test');
    const other = await request(disabled.email);
    expect(known.length).toBeGreaterThan(0);
    expect(unknown).toEqual(known);
    expect(other).toEqual(known);
    // Nothing the request runs reads the accounts: the queue takes the address as typed.
    expect(known.join('\n')).not.toMatch(/"users"|"password_resets"|"outbox"/);
  });

  it('is answered by the outbox job: an email for the account, nothing for a stranger', async () => {
    const user = await makeUser(ctx, { role: 'organizer' });
    await postForm(ctx, '/admin/password-reset', { email: user.email }, from());
    await postForm(ctx, '/admin/password-reset', { email: 'stranger@koda.test' }, from());
    expect(await ctx.deps.db.select().from(outbox).where(eq(outbox.recipient, user.email))).toEqual(
      [],
    );
    const written = await processResetRequests(
      ctx.deps.db,
      ctx.deps.config.publicUrl,
      ctx.clock.now(),
    );
    expect(written).toBeGreaterThanOrEqual(1);
    const mails = await ctx.deps.db.select().from(outbox).where(eq(outbox.recipient, user.email));
    expect(mails.map((mail) => mail.kind)).toEqual(['account.password_reset']);
    expect(
      await ctx.deps.db.select().from(outbox).where(eq(outbox.recipient, 'stranger@koda.test')),
    ).toEqual([]);
    // The queue is emptied, so no address typed by a stranger is kept.
    expect(await ctx.deps.db.select().from(passwordResetRequests)).toEqual([]);
  });
});
