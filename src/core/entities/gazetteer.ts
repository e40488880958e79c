/**
 * Small gazetteers for entity kinds: countries with the words for their
 * people, major cities and regions, and common given names. Written for the
 * project (a few kilobytes in the bundle) rather than taken from a package:
 * the country packages carry no demonyms or ship hundreds of kilobytes of
 * translations, and none lists given names.
 */

/** Country → its demonyms ("France: French Frenchman Frenchmen"). Multi-word names joined by `_`. */
const COUNTRY_TABLE = `
Afghanistan:Afghan,Afghans Albania:Albanian,Albanians Algeria:Algerian,Algerians Angola:Angolan Argentina:Argentine,Argentinian,Argentines
Armenia:Armenian,Armenians Australia:Australian,Australians Austria:Austrian,Austrians Azerbaijan:Azerbaijani Bahrain:Bahraini
Bangladesh:Bangladeshi,Bangladeshis Belarus:Belarusian Belgium:Belgian,Belgians Bolivia:Bolivian Bosnia:Bosnian,Bosnians
Brazil:Brazilian,Brazilians Bulgaria:Bulgarian,Bulgarians Burma:Burmese Cambodia:Cambodian Cameroon:Cameroonian Canada:Canadian,Canadians
Chile:Chilean,Chileans China:Chinese Colombia:Colombian,Colombians Congo:Congolese Croatia:Croatian,Croatians,Croat,Croats Cuba:Cuban,Cubans
Cyprus:Cypriot,Cypriots Czech_Republic:Czech,Czechs Denmark:Danish,Dane,Danes Ecuador:Ecuadorian Egypt:Egyptian,Egyptians
England:English Estonia:Estonian Ethiopia:Ethiopian,Ethiopians Finland:Finnish,Finn,Finns France:French,Frenchman,Frenchmen
Georgia:Georgian,Georgians Germany:German,Germans Ghana:Ghanaian,Ghanaians Greece:Greek,Greeks Hungary:Hungarian,Hungarians
Iceland:Icelandic India:Indian,Indians Indonesia:Indonesian,Indonesians Iran:Iranian,Iranians Iraq:Iraqi,Iraqis Ireland:Irish,Irishman
Israel:Israeli,Israelis Italy:Italian,Italians Ivory_Coast:Ivorian Jamaica:Jamaican,Jamaicans Japan:Japanese Jordan:Jordanian,Jordanians
Kazakhstan:Kazakh Kenya:Kenyan,Kenyans Kuwait:Kuwaiti,Kuwaitis Latvia:Latvian Lebanon:Lebanese Liberia:Liberian Libya:Libyan,Libyans
Lithuania:Lithuanian Luxembourg Malaysia:Malaysian,Malaysians Mexico:Mexican,Mexicans Moldova:Moldovan Mongolia:Mongolian
Morocco:Moroccan,Moroccans Mozambique:Mozambican Nepal:Nepalese Netherlands:Dutch,Dutchman Holland New_Zealand:Kiwi,Kiwis
Nigeria:Nigerian,Nigerians North_Korea Norway:Norwegian,Norwegians Oman:Omani Pakistan:Pakistani,Pakistanis Palestine:Palestinian,Palestinians
Panama:Panamanian Paraguay:Paraguayan Peru:Peruvian,Peruvians Philippines:Filipino,Filipinos Poland:Polish,Pole,Poles
Portugal:Portuguese Qatar:Qatari Romania:Romanian,Romanians Russia:Russian,Russians Rwanda:Rwandan,Rwandans Saudi_Arabia:Saudi,Saudis
Scotland:Scottish,Scot,Scots Senegal:Senegalese Serbia:Serbian,Serbians,Serb,Serbs Sierra_Leone Singapore:Singaporean Slovakia:Slovak,Slovakian
Slovenia:Slovenian,Slovene Somalia:Somali,Somalis South_Africa:South_African,South_Africans South_Korea:South_Korean,South_Koreans Korea:Korean,Koreans
Spain:Spanish,Spaniard,Spaniards Sri_Lanka:Sri_Lankan Sudan:Sudanese Sweden:Swedish,Swede,Swedes Switzerland:Swiss Syria:Syrian,Syrians
Taiwan:Taiwanese Tajikistan:Tajik Tanzania:Tanzanian Thailand:Thai,Thais Tunisia:Tunisian Turkey:Turkish,Turk,Turks
Turkmenistan:Turkmen Uganda:Ugandan,Ugandans Ukraine:Ukrainian,Ukrainians United_Arab_Emirates:Emirati United_Kingdom
United_States:American,Americans Uruguay:Uruguayan Uzbekistan:Uzbek Venezuela:Venezuelan,Venezuelans Vietnam:Vietnamese Wales:Welsh
Yemen:Yemeni,Yemenis Yugoslavia:Yugoslav Zambia:Zambian Zimbabwe:Zimbabwean,Zimbabweans Britain:British,Briton,Britons Great_Britain
UK US USA UAE Northern_Ireland Hong_Kong Tibet:Tibetan Chechnya:Chechen,Chechens Kosovo Iberia Scandinavia:Scandinavian
Europe:European,Europeans Africa:African,Africans Asia:Asian,Asians America:American Latin_America:Latin_American
Antarctica Arctic Middle_East:Middle_Eastern Far_East Balkans:Balkan Caribbean Gulf Pacific Atlantic Mediterranean Baltic
`;

/** Cities, regions and states that news names without a country. */
const PLACES = `
London Paris Berlin Madrid Rome Milan Turin Naples Lisbon Brussels Amsterdam Rotterdam Vienna Prague Budapest Warsaw Moscow Kiev Athens
Istanbul Ankara Geneva Zurich Stockholm Oslo Copenhagen Helsinki Dublin Belfast Edinburgh Glasgow Cardiff Swansea Manchester Liverpool
Birmingham Leeds Sheffield Newcastle Bristol Nottingham Leicester Oxford Cambridge Brighton Southampton Portsmouth Aberdeen Dundee York
Coventry Plymouth Hull Norwich Wembley Westminster Whitehall Downing_Street Scotland_Yard Munich Frankfurt Hamburg Cologne Marseille Lyon
Barcelona Valencia Seville Porto Monaco Beijing Shanghai Tokyo Osaka Seoul Delhi New_Delhi Mumbai Bombay Calcutta Kolkata Karachi Lahore
Islamabad Kabul Tehran Baghdad Basra Fallujah Damascus Beirut Jerusalem Gaza Cairo Riyadh Dubai Tripoli Lagos Nairobi Johannesburg
Cape_Town Durban Harare Sydney Melbourne Brisbane Perth Adelaide Auckland Wellington Christchurch Toronto Montreal Vancouver Ottawa
New_York Washington Los_Angeles Chicago Boston San_Francisco Seattle Miami Houston Dallas Atlanta Detroit Philadelphia Las_Vegas
Hollywood Silicon_Valley Manhattan Brooklyn Mexico_City Havana Rio_de_Janeiro Sao_Paulo Buenos_Aires Santiago Lima Bogota Caracas
Bangkok Singapore Jakarta Manila Hanoi Taipei Kuala_Lumpur Hong_Kong California Texas Florida Ohio Michigan Illinois Virginia
Massachusetts Pennsylvania Oregon Arizona Nevada Colorado Alaska Hawaii Louisiana Georgia Kentucky Tennessee Carolina Kashmir Punjab
Bengal Darfur Siberia Bavaria Catalonia Andalusia Sicily Sardinia Corsica Normandy Brittany Provence Flanders Yorkshire Lancashire
Cornwall Devon Kent Essex Surrey Sussex Midlands Merseyside Ulster Highlands Strasbourg Davos Kyoto Shenzhen Guangzhou Chennai Bangalore
Hyderabad Kerala Andhra_Pradesh Gujarat Tasmania Queensland Quebec Ontario Alberta
`;

/** Common given names, English and international: a name that opens with one is a person's. */
const GIVEN_NAMES = `
Aaron Adam Adrian Alan Albert Alex Alexander Alfred Ali Alistair Andrew Andy Angela Ann Anna Anne Annette Anthony Antonio Arnold Arthur
Barbara Barry Ben Benjamin Bernard Bill Billy Bob Brian Bruce Carl Carlos Caroline Catherine Charles Charlie Chris Christian Christine
Christopher Claire Clare Colin Craig Dan Daniel Danny Dave David Dean Dennis Derek Diana Diane Dominic Donald Douglas Ed Eddie Edward Elizabeth
Emily Emma Eric Fernando Frank Fred Gareth Gary Geoff George Gerald Gerry Gordon Graham Greg Hans Harold Harry Helen Henry Hilary Hugh Ian Jack
Jackie James Jamie Jane Janet Jason Jean Jeff Jennifer Jeremy Jim Jimmy Joan Joe John Johnny Jon Jonathan Jose Joseph Juan Julia Julian Julie
Justin Karen Kate Katherine Keith Kelly Kevin Kim Laura Lee Leo Linda Lisa Louise Lucy Luis Marc Marco Margaret Maria Mark Martin Mary Matt
Matthew Michael Michel Michelle Mick Mike Miguel Nancy Neil Nicholas Nick Nicola Nigel Oliver Pablo Patricia Patrick Paul Pedro Peter Phil
Philip Pierre Rachel Ralph Raymond Rebecca Richard Rick Rob Robert Robin Roger Ron Ronald Rory Ross Roy Ruth Ryan Sally Sam Samuel Sarah
Scott Sean Sebastian Sergei Simon Stephen Steve Steven Stuart Sue Susan Thomas Tim Timothy Tom Tommy Tony Trevor Victoria Vladimir Walter
Wayne William Willie Yuri Abdul Ahmed Ariel Boris Dmitry Francois Gerhard Hamid Hassan Hideki Hu Igor Ivan Jacques Jorge Kofi Lars
Mahmoud Manuel Mohammed Muhammad Nelson Osama Rafael Ricardo Roberto Saddam Silvio Viktor Wen Xavier Yasser Zinedine Alastair Ashley
Clive Gwyneth Jude Keira Kylie Madonna Mel Nicole Oprah Penelope Renee Ricky Russell Sandra Scarlett Sienna Stevie Tina Whitney Woody
Abigail Alison Amanda Amy Andrea Beth Bridget Carol Cate Cheryl Debbie Donna Fiona Gillian Hazel Heather Jo Joanne Judith Kathryn Kirsty
Lesley Lynn Mandy Natalie Patsy Paula Pauline Sharon Shirley Tessa Tracy Wendy Yvonne Alessandro Andre Arsene Carlo Claudio Didier
Diego Dietmar Felipe Fabio Gianluca Javier Jens Jurgen Marcel Mario Mikael Nicolas Olivier Rafa Ruud Sven Thierry Ugo Gael
Milan Raj Clint Curtis Rupert
`;

const list = (text: string) =>
  text
    .trim()
    .split(/\s+/)
    .map((word) => word.replace(/_/g, ' '));

/** Country and region names, and the demonym → country they belong to. */
export const COUNTRIES = new Set<string>();
export const DEMONYM_OF = new Map<string, string>();
for (const entry of list(COUNTRY_TABLE)) {
  const [country, demonyms] = entry.split(':') as [string, string | undefined];
  COUNTRIES.add(country);
  for (const demonym of demonyms?.split(',') ?? []) if (!DEMONYM_OF.has(demonym)) DEMONYM_OF.set(demonym, country);
}

/** Places of the gazetteer: countries, regions, cities, states. */
export const PLACE_NAMES = new Set([...COUNTRIES, ...list(PLACES)]);

/** Common given names. */
export const GIVEN_NAME_SET = new Set(list(GIVEN_NAMES));
