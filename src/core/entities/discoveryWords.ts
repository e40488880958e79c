/**
 * Word lists of entity discovery. English news prose: capitalized words
 * that open sentences, titles in front of names, calendar words, and the
 * endings that hint at what kind of thing a name is.
 */

const words = (text: string) => new Set(text.trim().split(/\s+/));

/** Function words and sentence openers: never the edge of a name ("But Alibaba", "The BBC"). Lower case. */
export const STOPWORDS = words(`
  a an the and but or nor so yet for of in on at by to from with into onto over under about after before
  during since until while when where what why how who whom whose which that this these those there here then
  now also however meanwhile although though because if unless despite both either neither many most some any
  all each every other such only even just still already it its he his him she her they their them we our us
  you your i my me one two three four five six seven eight nine ten first second third last next
  according as is are was were be been being has have had do does did not no yes than too very much more less
  can could will would shall should may might must let like including among against between through across
  around within without toward towards upon via per mr mrs ms dr st
`);

/** Lower-case words that may join the capitalized words of one name ("Bank of England", "Lord of the Rings"). */
export const CONNECTORS = words('of the for de del della di du la le van von der den y &');

/** Courtesy titles: the name after one is a person ("Mr Blair", "Sir Alex Ferguson"). */
export const HONORIFICS = words('Mr Mrs Ms Miss Dr Sir Dame Lord Lady Prof Professor Rev Baroness Baron');

/**
 * Office and job titles: they split a run of capitalized words, and the name
 * after them is a person ("Prime Minister Tony Blair", "President Bush").
 */
export const ROLES = words(`
  President Minister Chancellor Secretary Chairman Chairwoman Chair Chief Executive Director Manager Coach
  Captain Skipper Senator Governor Judge Spokesman Spokeswoman Leader Deputy Shadow Vice Former Acting Prime
  Premier Commissioner Ambassador Officer Head Boss Mayor King Queen Prince Princess Pope Chief-Executive
  Striker Midfielder Defender Goalkeeper Winger Star Singer Actor Actress Director-General Analyst Economist
  Speaker Chancellor Commander General Colonel Inspector Sergeant Detective Bishop Archbishop Cardinal Rapper
`);

/** Words for peoples, faiths and directions: capitalized adjectives, not entities when alone ("French", "Western"). */
export const DEMONYMS = words(`
  British English French German Irish Scottish Welsh American European Chinese Japanese Russian Italian Spanish
  Australian Indian Israeli Iraqi Iranian African Asian Dutch Swiss Swedish Danish Norwegian Finnish Polish Greek
  Turkish Korean Canadian Mexican Brazilian Argentine Argentinian Portuguese Belgian Austrian Scandinavian Arab
  Arabic Muslim Christian Jewish Catholic Protestant Western Eastern Northern Southern Palestinian Pakistani
  Afghan Saudi Egyptian Ukrainian Czech Hungarian Romanian Serbian Croatian Kenyan Nigerian Zimbabwean
  Jamaican Cuban Colombian Chilean Thai Vietnamese Indonesian Malaysian Filipino Taiwanese Latin Anglo Celtic
  Asian-American African-American Briton Britons Scot Scots Yankee Kiwi Aussie
`);

/** Acronyms of common nouns: capitalized, possessive, and still not entities. */
export const COMMON_ACRONYMS = words(`
  TV PC CD DVD MP MPs CEO CFO GDP AI IT PR HIV DNA MP3 SMS VAT ID OK PM AM FM UN GMT PhD IQ ATM VIP DJ
  HD HDTV PCs CDs DVDs LCD PIN UFO IVF
`);

/** Portfolios, between a place and a title ("UK Foreign Secretary"): not the end of a name. */
export const PORTFOLIOS = words(`
  Foreign Home Health Defence Defense Trade Education Culture Environment Transport Justice Interior Finance
  Work Pensions Industry Energy Sports Sport Media Science Technology Agriculture Economic Economy Business
  International Development Northern Welsh Scottish Treasury Cabinet Party Labour Tory Conservative
`);

/** Days and months: capitalized, possessive ("Friday's match"), and never entities. */
export const CALENDAR = words(`
  Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
  September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
`);

const COMPANY_ENDINGS = words(`
  Inc Corp Corporation Group Holdings Holding Ltd Limited Plc plc PLC LLC AG SA NV Co Company Airways Airlines
  Motors Capital Partners Technologies Technology Systems Networks Entertainment Studios Records Pictures Media
  Telecom Communications Electronics Industries Energy Pharmaceuticals Software Games Brands Stores Foods Mobile
`);

const ORGANIZATION_ENDINGS = words(`
  Commission Office Party Council Union Association Federation Court Committee Ministry Department Agency
  Authority Bureau Institute University College School League Club FC Board Parliament Assembly Senate Congress
  Fund Organisation Organization Foundation Society Service Trust Bank Police Army Navy Academy Centre Center
  Alliance Exchange Tribunal Forum Inquiry Watchdog Council Cabinet Government Treasury Unit
`);

/** The kind a name's last word suggests: "Time Warner Inc" is a company, "Football Association" an organization. */
export function kindFromEnding(tokens: readonly string[]): 'company' | 'organization' | undefined {
  const last = tokens.at(-1) ?? '';
  if (COMPANY_ENDINGS.has(last)) return 'company';
  if (
    ORGANIZATION_ENDINGS.has(last) ||
    (tokens.length > 2 && ORGANIZATION_ENDINGS.has(tokens[0] ?? '') && tokens[1] === 'of')
  ) {
    return 'organization';
  }
  return undefined;
}

/** Stock exchanges written before a ticker: "(NYSE: BABA)". */
export const EXCHANGES = /^(?:NYSE|NASDAQ|Nasdaq|LSE|HKEX|HKSE|SEHK|TSE|SSE|SZSE|OTC|AMEX|FTSE|TSX|ASX)\s*:\s*/;
