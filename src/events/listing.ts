import { z } from 'zod';
import { eventKinds } from './rules';

const commaList = z
  .string()
  .max(500)
  .transform((text) =>
    text
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean),
  );

/** Query parameters of /events and GET /api/v1/events: `?municipality=a,b&kind=think_tank&when=past&year=2014&page=2`. */
export const eventListQuerySchema = z.object({
  municipality: commaList.optional(),
  kind: commaList.pipe(z.array(z.enum(eventKinds))).optional(),
  when: z.enum(['upcoming', 'past', 'all']).default('all'),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  perPage: z.coerce.number().int().min(1).max(100).default(20),
});

export type EventListQuery = z.output<typeof eventListQuerySchema>;
