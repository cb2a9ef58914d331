import { processResetRequests, prunePasswordResets } from '@/accounts';
import { pruneSessions } from '@/platform/auth/sessions';
import { pruneOrphanFeedTokens } from '@/calendar';
import { sweepOrphanFiles } from '@/documents';
import type { Deps } from '@/platform/deps';
import { loggableError } from '@/platform/log';
import { pruneRateLimits } from '@/platform/http/rate-limit';
import {
  pruneOutbox,
  sendDueMessages,
  type HoldState,
  type SendReport,
} from '@/platform/mail/outbox/sender';
import { enqueueReminders, writeLeftoverEmails } from '@/registrations';
import { enqueueFeedbackRequests, unlinkPurgedFeedback } from '@/feedback';
import { purgeUnconfirmedFollows, sendFollowNews } from '@/follows';
import { purgeRegistrations } from '@/registrations';
import { purgeCutoff } from '@/registrations';

/**
 * The periodic jobs as plain functions of the app's dependencies, so the Node server (timers
 * below), the CLI and the Cloudflare `scheduled()` handler all run the same code. Each is safe
 * to run concurrently in several processes: the outbox claims with SKIP LOCKED, reminders are
 * deduplicated by key, purge is an idempotent UPDATE.
 */
export type JobDeps = Pick<Deps, 'db' | 'clock' | 'config' | 'mailer' | 'log' | 'files'>;

export async function runOutboxJob(deps: JobDeps, hold?: HoldState): Promise<SendReport> {
  // Queued "forgot your password?" requests first, so their emails go out in this run.
  await processResetRequests(deps.db, deps.config.publicUrl, deps.clock.now());
  // Registration emails stored as data whose request stopped before writing them (issue 22).
  await writeLeftoverEmails(deps);
  return sendDueMessages(deps, { hold, lanes: deps.config.outboxSendLanes });
}

export async function runReminderJob(deps: JobDeps): Promise<number> {
  const written = await enqueueReminders(deps);
  if (written > 0) deps.log.info('reminders written to the outbox', { count: written });
  return written;
}

/** The day after an event its attendees are asked for feedback (once each, by key). */
export async function runFeedbackJob(deps: JobDeps): Promise<number> {
  const asked = await enqueueFeedbackRequests(deps);
  if (asked > 0) deps.log.info('feedback requests written to the outbox', { count: asked });
  return asked;
}

/** Followers' news emails: immediate ones as news comes, weekly ones a week apart. */
export async function runFollowJob(deps: JobDeps): Promise<number> {
  const sent = await sendFollowNews(deps);
  if (sent > 0) deps.log.info('follow news written to the outbox', { count: sent });
  return sent;
}

export async function runPurgeJob(
  deps: JobDeps,
): Promise<{ registrations: number; outbox: number }> {
  const now = deps.clock.now();
  const anonymised = await purgeRegistrations(deps.db, now, deps.config.retentionDays);
  // Feedback answers stay, linked to nobody once their registration is anonymised.
  const feedbackUnlinked = await unlinkPurgedFeedback(deps.db);
  const deleted = await pruneOutbox(deps.db, purgeCutoff(now, deps.config.retentionDays));
  // Ended sessions, spent password-reset links and rate-limit counters are kept a day (for
  // the audit of a lockout or a reset).
  const dayAgo = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  await pruneSessions(deps.db, dayAgo);
  const passwordResets = await prunePasswordResets(deps.db, dayAgo);
  await pruneRateLimits(deps.db, dayAgo);
  const feedTokens = await pruneOrphanFeedTokens(deps.db);
  // Stored documents no row names any more (their event, outcome or plan was deleted).
  const orphanFiles = await sweepOrphanFiles(deps);
  // Follow requests nobody confirmed within a week (the address with them).
  const followsDeleted = await purgeUnconfirmedFollows(deps.db, now);
  deps.log.info('purge done', {
    registrationsAnonymised: anonymised,
    feedbackUnlinked,
    outboxDeleted: deleted,
    feedTokensDeleted: feedTokens,
    orphanFilesDeleted: orphanFiles,
    unconfirmedFollowsDeleted: followsDeleted,
    passwordResetsDeleted: passwordResets,
  });
  return { registrations: anonymised, outbox: deleted };
}

/** Everything a Cloudflare cron trigger should do each time it fires (e.g. every minute). */
export async function runScheduledJobs(deps: JobDeps): Promise<void> {
  await runOutboxJob(deps);
  await runReminderJob(deps);
  await runFeedbackJob(deps);
  await runFollowJob(deps);
  // The purge is cheap when there is nothing to do, so running it every time is fine.
  await runPurgeJob(deps);
}

export type JobTimings = { outboxMs: number; remindersMs: number; purgeMs: number };

const defaultTimings: JobTimings = {
  outboxMs: 5_000,
  remindersMs: 10 * 60_000,
  purgeMs: 24 * 60 * 60_000,
};

/**
 * Starts the jobs on timers in this process (Node server). A job never overlaps itself; an
 * error is logged and the job runs again next time. `stop()` clears the timers and waits for
 * running jobs to finish, so the database can be closed after it.
 */
export function startJobs(
  deps: JobDeps,
  timings: JobTimings = defaultTimings,
): { stop(): Promise<void> } {
  const hold: HoldState = { lastLoggedId: 0 };
  const running = new Set<Promise<unknown>>();
  const timers: NodeJS.Timeout[] = [];
  let stopped = false;
  const schedule = (name: string, everyMs: number, job: () => Promise<unknown>, now = false) => {
    let busy = false;
    const tick = () => {
      if (busy || stopped) return;
      busy = true;
      const run = job()
        .catch((error: unknown) =>
          deps.log.error('job failed', { job: name, ...loggableError(error) }),
        )
        .finally(() => {
          busy = false;
          running.delete(run);
        });
      running.add(run);
    };
    const timer = setInterval(tick, everyMs);
    timer.unref();
    timers.push(timer);
    if (now) tick();
  };
  schedule('outbox', timings.outboxMs, () => runOutboxJob(deps, hold), true);
  schedule('reminders', timings.remindersMs, () => runReminderJob(deps), true);
  schedule('feedback', timings.remindersMs, () => runFeedbackJob(deps), true);
  schedule('follows', timings.remindersMs, () => runFollowJob(deps), true);
  schedule('purge', timings.purgeMs, () => runPurgeJob(deps), true);
  return {
    async stop() {
      stopped = true;
      for (const timer of timers) clearInterval(timer);
      await Promise.allSettled([...running]);
    },
  };
}
