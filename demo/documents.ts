/**
 * Demo documents: each 2014–2015 think tank's agenda and each action plan's items as a small PDF
 * (pdf-lib, the standard Helvetica font), generated from what the demo already holds and marked
 * as a demo on the page and in the file. Kept apart from the app, like seed.ts.
 */
import { and, asc, eq, lt } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { PDFFont } from 'pdf-lib';
import { storeGeneratedDocument } from '@/documents';
import { actionItems, actionPlans, agendaItems, events } from '@/platform/db/schema';
import type { Db } from '@/platform/db/types';
import type { FileStore } from '@/platform/files/store';
import { slugify } from '@/platform/slug';

const ZONE = 'Europe/Tallinn';
const DEMO_NOTE = 'NÄIDIS – Koda koostas selle dokumendi demo jaoks olemasolevatest andmetest.';

/** A line the font can write: characters outside its encoding (WinAnsi) become '?'. */
function writable(font: PDFFont, text: string): string {
  const known = new Set(font.getCharacterSet());
  return Array.from(text.normalize('NFC'))
    .map((char) => (known.has(char.codePointAt(0)!) ? char : '?'))
    .join('');
}

/** Lines wrapped to the page's width. */
function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of writable(font, text).split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(next, size) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

async function pdfOf(title: string, subtitle: string, entries: string[]): Promise<Uint8Array> {
  // Loaded here, not with the module: every start imports the demo, few seed it (pdf-lib is
  // about 60 ms of a start's CPU).
  const { PDFDocument, StandardFonts } = await import('pdf-lib');
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  pdf.setCreator('Koda (demo)');
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  let page = pdf.addPage([595, 842]);
  let y = 790;
  const write = (text: string, size: number, face: PDFFont, gap = 4) => {
    for (const line of wrap(face, text, size, 495)) {
      if (y < 60) {
        page = pdf.addPage([595, 842]);
        y = 790;
      }
      page.drawText(line, { x: 50, y, size, font: face });
      y -= size + gap;
    }
  };
  write(DEMO_NOTE, 9, font, 10);
  write(title, 18, bold, 6);
  write(subtitle, 11, font, 14);
  for (const entry of entries) write(entry, 11, font, 6);
  return pdf.save();
}

/** Agendas of the 2014–2015 think tanks and plans' item lists, as PDFs in the file store. */
export async function seedDemoDocuments(db: Db, files: FileStore): Promise<void> {
  const thinkTanks = await db
    .select()
    .from(events)
    .where(and(eq(events.kind, 'think_tank'), lt(events.startsAt, new Date('2016-01-01'))))
    .orderBy(asc(events.startsAt));
  for (const event of thinkTanks) {
    const items = await db
      .select()
      .from(agendaItems)
      .where(eq(agendaItems.eventId, event.id))
      .orderBy(asc(agendaItems.startsAt), asc(agendaItems.position));
    if (items.length === 0) continue;
    const time = (at: Date) => DateTime.fromJSDate(at, { zone: ZONE }).toFormat('HH.mm');
    const day = DateTime.fromJSDate(event.startsAt, { zone: ZONE }).setLocale('et');
    const entries = items.map(
      (item) =>
        `${time(item.startsAt)}–${time(item.endsAt)}  ${item.title}${item.speakers.length > 0 ? ` (${item.speakers.join(', ')})` : ''}`,
    );
    await storeGeneratedDocument(db, files, {
      owner: { eventId: event.id },
      title: 'Päevakava (PDF, näidis)',
      kind: 'agenda',
      filename: `${slugify(event.title)}-kava.pdf`,
      bytes: await pdfOf(
        `${event.title}: päevakava`,
        `${day.toFormat('d. MMMM yyyy')}${event.venueName ? `, ${event.venueName}` : ''}`,
        entries,
      ),
      text: [event.title, ...entries].join('\n'),
    });
  }
  const plans = await db.select().from(actionPlans).orderBy(asc(actionPlans.id));
  for (const plan of plans) {
    const items = await db
      .select()
      .from(actionItems)
      .where(eq(actionItems.planId, plan.id))
      .orderBy(asc(actionItems.position));
    const entries = items.map(
      (item, index) =>
        `${index + 1}. ${item.title}${item.responsible ? ` – vastutaja: ${item.responsible}` : ''}${item.dueDate ? `, tähtaeg ${item.dueDate}` : ''}`,
    );
    await storeGeneratedDocument(db, files, {
      owner: { planId: plan.id },
      title: 'Tegevuskava (PDF, näidis)',
      kind: 'document',
      filename: `${slugify(plan.title)}.pdf`,
      bytes: await pdfOf(plan.title, `${plan.periodStart} – ${plan.periodEnd}`, entries),
      text: [plan.title, ...entries].join('\n'),
    });
  }
}
