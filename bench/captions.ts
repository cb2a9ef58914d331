/**
 * Captions for the bench (issue 19): `hours` of cues, four seconds each, spread over the given
 * recordings, in sentences drawn from a municipal vocabulary by a fixed-seed generator, so every
 * run searches the same text. Written through the captions tables, so the search table's
 * triggers index them as the app's uploads would be.
 */
import { captionCues, captions } from '@/platform/db/schema';
import type { Deps } from '@/platform/deps';

const WORDS = (
  'eelarve kaasav volikogu arengukava tänavavalgustus ühistransport bussiliin kool lasteaed ' +
  'raamatukogu noortekeskus spordihoone kergliiklustee jalgrattatee parkla haljastus mänguväljak ' +
  'külaselts küla asum elanikud ettepanek otsus arutelu kogukond omavalitsus vald linn ' +
  'investeering remont hooldus teehoid lumetõrje prügivedu jäätmed vesi kanalisatsioon ' +
  'eakate päevakeskus sotsiaaltöö toetus huviharidus kultuurimaja rahvamaja laulupidu ' +
  'avaandmed läbipaistvus veebiülekanne salvestis protokoll hääletus küsitlus koosolek ' +
  'ja et on ei see mis kui aga ka nii siis veel juba meie teie nende kõik palju vähe ' +
  'täna homme eelmisel järgmisel aastal kuus nädalal kevadel sügisel'
).split(' ');

/** A small fixed-seed generator (mulberry32): the same words in every run. */
function generator(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export async function seedCaptions(deps: Deps, recordingIds: number[], hours: number) {
  if (recordingIds.length === 0 || hours <= 0) return;
  const random = generator(19);
  const cuesPerRecording = Math.round((hours * 3600) / 4 / recordingIds.length);
  for (const recordingId of recordingIds) {
    const [caption] = await deps.db
      .insert(captions)
      .values({ recordingId, language: 'et' })
      .returning({ id: captions.id });
    if (!caption) continue;
    const cues = Array.from({ length: cuesPerRecording }, (_, n) => {
      const length = 6 + Math.floor(random() * 8);
      const words = Array.from(
        { length },
        () => WORDS[Math.floor(random() * WORDS.length)] as string,
      );
      return {
        captionId: caption.id,
        startMs: n * 4000,
        endMs: n * 4000 + 3800,
        text: `${words.join(' ')}.`,
      };
    });
    for (let i = 0; i < cues.length; i += 2_000) {
      await deps.db.insert(captionCues).values(cues.slice(i, i + 2_000));
    }
  }
}
