/** The search's bounds, pure numbers (the page shows them). */

/**
 * Caption lines ranked per search at most. Captions are most of the rows (a line every few
 * seconds of every recording), so a common word matches thousands; past this many the search
 * ranks only the newest (by id) and says the total is a lower bound. Every other kind is ranked
 * whole: there are a few rows of them per event or plan.
 */
export const CAPTION_CAP = 1_000;
