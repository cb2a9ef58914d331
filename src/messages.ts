import { accountsMessages } from '@/accounts/messages';
import { archiveMessages } from '@/archive/messages';
import { calendarMessages } from '@/calendar/messages';
import { dashboardMessages } from '@/dashboard/messages';
import { embedsMessages } from '@/embeds/messages';
import { eventsMessages } from '@/events/messages';
import { plansMessages } from '@/plans/messages';
import { recordingMessages } from '@/recordings/messages';
import { captionMessages } from '@/captions/messages';
import { searchMessages } from '@/search/messages';
import { registrationMessages } from '@/registrations/messages';
import { questionMessages } from '@/questions/messages';
import { feedbackMessages } from '@/feedback/messages';
import { followMessages } from '@/follows/messages';
import { documentsMessages } from '@/documents/messages';
import { auditMessages } from '@/platform/audit/messages';
import { commonMessages } from '@/platform/i18n/common';
import { createTranslator, type Catalogues, type Lang, type Translate } from '@/platform/i18n';

/**
 * Every language's catalogue, assembled from the platform's and each feature's messages. A
 * feature that adds keys but is missing here makes this object incomplete: a type error.
 */
export const catalogues: Catalogues = {
  et: {
    ...commonMessages.et,
    ...recordingMessages.et,
    ...captionMessages.et,
    ...searchMessages.et,
    ...archiveMessages.et,
    ...eventsMessages.et,
    ...accountsMessages.et,
    ...dashboardMessages.et,
    ...registrationMessages.et,
    ...calendarMessages.et,
    ...plansMessages.et,
    ...embedsMessages.et,
    ...auditMessages.et,
    ...questionMessages.et,
    ...feedbackMessages.et,
    ...followMessages.et,
    ...documentsMessages.et,
  },
  en: {
    ...commonMessages.en,
    ...recordingMessages.en,
    ...captionMessages.en,
    ...searchMessages.en,
    ...archiveMessages.en,
    ...eventsMessages.en,
    ...accountsMessages.en,
    ...dashboardMessages.en,
    ...registrationMessages.en,
    ...calendarMessages.en,
    ...plansMessages.en,
    ...embedsMessages.en,
    ...auditMessages.en,
    ...questionMessages.en,
    ...feedbackMessages.en,
    ...followMessages.en,
    ...documentsMessages.en,
  },
  ru: {
    ...commonMessages.ru,
    ...recordingMessages.ru,
    ...captionMessages.ru,
    ...searchMessages.ru,
    ...archiveMessages.ru,
    ...eventsMessages.ru,
    ...accountsMessages.ru,
    ...dashboardMessages.ru,
    ...registrationMessages.ru,
    ...calendarMessages.ru,
    ...plansMessages.ru,
    ...embedsMessages.ru,
    ...auditMessages.ru,
    ...questionMessages.ru,
    ...feedbackMessages.ru,
    ...followMessages.ru,
    ...documentsMessages.ru,
  },
};

const translators = {
  et: createTranslator(catalogues.et, 'et'),
  ru: createTranslator(catalogues.ru, 'ru'),
  en: createTranslator(catalogues.en, 'en'),
} satisfies Record<Lang, Translate>;

/** The strings of one language, for work outside a request (emails, feeds, jobs). */
export function translator(lang: Lang): Translate {
  return translators[lang];
}
