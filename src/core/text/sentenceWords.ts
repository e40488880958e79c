/**
 * Word lists of the sentence splitter. All lower case: abbreviations are
 * matched ignoring case ("Co." and "co.").
 */

const words = (text: string) => new Set(text.trim().split(/\s+/));

/**
 * Titles and words that always lead into what follows ("Mr. Smith", "Mt.
 * Fuji", "e.g. the"): a full stop after one never ends a sentence.
 */
export const LEADING_ABBREVIATIONS = words(`
  mr mrs ms dr prof st mt ft gen col lt sgt capt cmdr gov sen rep rev hon pres supt insp messrs mme mlle
  vs v e.g i.e cf viz approx ca
`);

/**
 * Abbreviations that often sit at the end of a sentence ("… & Co. It closed",
 * "… in the U.S. How"): a full stop after one ends the sentence when the next
 * word is one that opens sentences.
 */
export const TRAILING_ABBREVIATIONS = words(`
  inc ltd co cos corp plc llc bros etc jr sr al est dept univ assn intl
  jan feb mar apr jun jul aug sep sept oct nov dec
`);

/** Abbreviations that stand before a number ("No. 5", "p. 55", "N°. 5"); a word of their own otherwise ("said no."). */
export const NUMBER_ABBREVIATIONS = words('no nos nr n° nº p pp vol vols fig figs art ch para sec op');

/**
 * Words that open sentences and rarely continue a name: after a trailing
 * abbreviation or a single capital ("World War I. The"), one of these starts
 * a new sentence.
 */
export const SENTENCE_STARTERS = words(`
  the a an this that these those it its he she they we i you his her their our my your there here
  what when where why how who which whose but and or so yet if as at in on for to from with by after before
  since while although though because now then however meanwhile also still some many most all each every
  one two three no not none nothing shares last next earlier later instead indeed even only such both either
  neither did do does is are was were has have had will would can could should may might must let please
  despite under over during until among about against without perhaps yes thus hence therefore
`);
