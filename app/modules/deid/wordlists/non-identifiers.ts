/**
 * Capitalised words that are common in health and social-care notes and are NOT identifiers:
 * US insurers and Medicaid plans, medicines (brand and generic), agencies, programs, stores and
 * utilities that come up in care coordination, languages, ethnic and religious groups, and tribes
 * as nations. Curated by hand for the identifier detector (docs/decisions/030-identifier-detector.md)
 * from general knowledge of the domain (formularies' top brands, the big national and state
 * Medicaid plans, the programs on a typical SDOH screening and resettlement intake); not taken
 * from any evaluation text. Language names are completed at load time from the platform's
 * Intl.DisplayNames.
 *
 * A word here stops being read as an unknown word or a name, except where the English or Spanish
 * name lists already hold it (e.g. "Molina", "Oscar", "Bertha" stay possible names) or a context
 * cue says person ("Mrs. Molina"). Entries are phrases; the detector uses their words that are
 * not ordinary English or Spanish words.
 */
export const INSURERS = `Aetna; Anthem; Cigna; Humana; Molina Healthcare; UnitedHealthcare; United Healthcare; Optum; Centene; Ambetter; WellCare; CareSource;
Amerigroup; Elevance; Kaiser Permanente; Highmark; BlueCross; BlueShield; BCBS; Health Net; Oscar Health; Bright Health; Medi-Cal; MassHealth; TennCare;
SoonerCare; AHCCCS; KanCare; MO HealthNet; NJ FamilyCare; Apple Health; BadgerCare; HUSKY; MaineCare; Medallion; Healthy Louisiana; STAR Kids; CHIP; CHP+;
Health First Colorado; Colorado Access; Rocky Mountain Health Plans; Denver Health Medical Plan; Tricare; CHAMPVA; SilverScript; Express Scripts; Caremark;
AARP; Mutual of Omaha; Devoted Health; Alignment Health; SCAN Health; Clover Health; IEHP; Geisinger; Priority Health; HealthPartners; Medica; UCare;
EmblemHealth; Fidelis; MetroPlus; Healthfirst; Amida Care; Buckeye; Sunshine Health; Simply Healthcare; Peach State; Superior HealthPlan; Magellan; Carelon;
Evernorth; Coventry; Wellpoint; Premera; Regence; Moda; PacificSource; Trillium; Passport; Aspire; Meridian; Molina; Medicare Advantage; Medigap; Medicaid;
Medicare; Obamacare; Marketplace; Connect for Health Colorado; Covered California; Healthcare.gov; Cofinity; MultiPlan; Tufts; Harvard Pilgrim; Independence Blue Cross`;

export const MEDICINES = `Eliquis; Xarelto; Pradaxa; Savaysa; Coumadin; Jantoven; warfarin; apixaban; rivaroxaban; Lovenox; enoxaparin; heparin; Plavix; clopidogrel; Effient;
Brilinta; ticagrelor; aspirin; Ecotrin; Bayer; Lipitor; atorvastatin; Crestor; rosuvastatin; Zocor; simvastatin; pravastatin; Zetia; ezetimibe; Repatha; Praluent;
Norvasc; amlodipine; nifedipine; Procardia; diltiazem; Cardizem; verapamil; Toprol; Lopressor; metoprolol; Coreg; carvedilol; atenolol; labetalol; propranolol;
Zestril; Prinivil; lisinopril; enalapril; Vasotec; Cozaar; losartan; Diovan; valsartan; Benicar; olmesartan; irbesartan; Entresto; sacubitril; hydralazine;
Lasix; furosemide; Bumex; bumetanide; torsemide; Aldactone; spironolactone; eplerenone; hydrochlorothiazide; HCTZ; chlorthalidone; Klor-Con; potassium;
Imdur; isosorbide; Nitrostat; nitroglycerin; Ranexa; Lanoxin; digoxin; amiodarone; Cordarone; Multaq; Farxiga; dapagliflozin; Jardiance; empagliflozin;
Invokana; Steglatro; Glucophage; metformin; Januvia; sitagliptin; Janumet; Tradjenta; linagliptin; glipizide; Glucotrol; glyburide; glimepiride; Amaryl;
Actos; pioglitazone; Lantus; Levemir; Tresiba; Toujeo; Basaglar; Semglee; glargine; detemir; degludec; Humalog; Novolog; Admelog; Fiasp; Lyumjev; lispro;
aspart; Humulin; Novolin; insulin; Victoza; liraglutide; Ozempic; Wegovy; Rybelsus; semaglutide; Mounjaro; Zepbound; tirzepatide; Trulicity; dulaglutide;
Saxenda; Bydureon; Byetta; Glucagon; Baqsimi; Gvoke; Synthroid; Levoxyl; Unithroid; levothyroxine; Armour; methimazole; Spiriva; tiotropium; Symbicort;
Advair; Breo; Trelegy; Anoro; Incruse; Flovent; Qvar; Pulmicort; budesonide; fluticasone; Ventolin; ProAir; Proventil; albuterol; Xopenex; Singulair;
montelukast; Dupixent; Nucala; Xolair; Zyrtec; cetirizine; Claritin; loratadine; Allegra; Benadryl; diphenhydramine; Flonase; Nasonex; Sudafed; Mucinex;
Tylenol; acetaminophen; paracetamol; Motrin; Advil; ibuprofen; Aleve; naproxen; Excedrin; Celebrex; celecoxib; meloxicam; Mobic; diclofenac; Voltaren;
Prilosec; omeprazole; Nexium; esomeprazole; Protonix; pantoprazole; Pepcid; famotidine; Zantac; Tums; Maalox; Miralax; Colace; Senokot; senna; Dulcolax;
Imodium; loperamide; Zofran; ondansetron; Phenergan; Reglan; Norco; Vicodin; hydrocodone; Percocet; oxycodone; OxyContin; Dilaudid; hydromorphone;
morphine; fentanyl; Duragesic; Ultram; tramadol; Suboxone; Subutex; Zubsolv; Sublocade; Brixadi; buprenorphine; methadone; Vivitrol; naltrexone; Narcan;
Kloxxado; Zimhi; naloxone; Neurontin; gabapentin; Lyrica; pregabalin; Cymbalta; duloxetine; Effexor; venlafaxine; Pristiq; Zoloft; sertraline; Prozac;
fluoxetine; Paxil; paroxetine; Celexa; citalopram; Lexapro; escitalopram; Wellbutrin; bupropion; Remeron; mirtazapine; trazodone; Desyrel; BuSpar; buspirone;
Xanax; alprazolam; Ativan; lorazepam; Klonopin; clonazepam; Valium; diazepam; Restoril; Ambien; zolpidem; Lunesta; melatonin; Seroquel; quetiapine; Abilify;
aripiprazole; Risperdal; risperidone; Zyprexa; olanzapine; Geodon; ziprasidone; Latuda; lurasidone; Invega; Sustenna; Trinza; paliperidone; Haldol;
haloperidol; Clozaril; clozapine; Vraylar; Rexulti; Caplyta; lithium; Lithobid; Depakote; divalproex; valproate; Lamictal; lamotrigine; Tegretol;
carbamazepine; Trileptal; oxcarbazepine; Keppra; levetiracetam; Dilantin; phenytoin; Topamax; topiramate; Vimpat; Adderall; Ritalin; Concerta; Vyvanse;
Strattera; Focalin; methylphenidate; Aricept; donepezil; Namenda; memantine; Exelon; Sinemet; carbidopa; levodopa; Requip; Mirapex; Flomax; tamsulosin;
Proscar; finasteride; Detrol; Ditropan; oxybutynin; Myrbetriq; Viagra; Cialis; Fosamax; alendronate; Boniva; Prolia; Evista; Premarin; Estrace; Provera;
Depo-Provera; Nexplanon; Mirena; Kyleena; Plan B; prednisone; Deltasone; Medrol; methylprednisolone; dexamethasone; Decadron; Augmentin; Amoxil; amoxicillin;
Keflex; cephalexin; Cipro; ciprofloxacin; Levaquin; levofloxacin; Bactrim; Zithromax; azithromycin; Z-Pak; doxycycline; Flagyl; metronidazole; Macrobid;
nitrofurantoin; Diflucan; fluconazole; Valtrex; valacyclovir; acyclovir; Tamiflu; Paxlovid; Lagevrio; Biktarvy; Descovy; Truvada; Genvoya; Dovato; Triumeq;
Juluca; Cabenuva; Apretude; Odefsey; Symtuza; Prezcobix; Harvoni; Epclusa; Mavyret; Sovaldi; Huadalimumab; Enbrel; Remicade; Stelara; Otezla; Xeljanz;
Rinvoq; Skyrizi; Cosentyx; Taltz; Orencia; Actemra; methotrexate; Plaquenil; hydroxychloroquine; Arava; Imuran; CellCept; Prograf; tacrolimus; Gleevec;
Revlimid; Ibrance; tamoxifen; Arimidex; anastrozole; Femara; letrozole; Lupron; Zytiga; Xtandi; Opdivo; Keytruda; Tecentriq; Herceptin; Avastin; Rituxan;
Neulasta; Epogen; Procrit; Aranesp; Renvela; sevelamer; Sensipar; PhosLo; Velphoro; Auryxia; calcitriol; Ensure; Glucerna; Pedialyte; Similac; Enfamil;
Nicorette; Chantix; varenicline; NicoDerm; Antabuse; Campral; EpiPen; Auvi-Q; Dexcom; FreeStyle Libre; Libre; Omnipod; Medtronic; Metamucil;
ferrous sulfate; Tdap; Shingrix; Prevnar; Pneumovax; Gardasil; Comirnaty; Spikevax; Novavax; Moderna; Pfizer; Botox; Xyzal; Robitussin; NyQuil; DayQuil;
Midol; Monistat; Zyrtec-D; Claritin-D; Lotrisone; Bactroban; mupirocin; Silvadene; Santyl; Eucerin; Aquaphor; Vaseline; Tegaderm; Depends`;

export const AGENCIES_AND_PROGRAMS = `SNAP; WIC; LIHEAP; LEAP; TANF; SSI; SSDI; CHIP; CCCAP; HUD; HUD-VASH; VASH; Section 8; Findhelp; Aunt Bertha; Unite Us; NowPow; 211; 2-1-1; 988;
Head Start; Early Head Start; Meals on Wheels; Catholic Charities; Caridades Católicas; Salvation Army; Habitat for Humanity; Goodwill; United Way;
Mile High United Way; Lutheran Family Services; Jewish Family Service; Volunteers of America; Project Angel Heart; Second Harvest; Feeding America;
Big Brothers Big Sisters; Boys & Girls Club; Planned Parenthood; Legal Aid; Social Security; Seguro Social; Human Services; Adult Protective Services;
Child Protective Services; Area Agency on Aging; SilverSneakers; Lifeline; Affordable Connectivity Program; Medicare Savings Program; Extra Help; Ryan White;
Nurse-Family Partnership; Healthy Start; Promotoras; Promotores; Consulado; DACA; IRC; HIAS; USCRI; ECDC; World Relief; Church World Service; RCA; RMA;
USCIS; ICE; DMV; SSA; IRS; FEMA; AmeriCorps; Job Corps; Workforce Center; St. Vincent de Paul; Red Cross; Cruz Roja; YMCA; YWCA; NAMI; AA; NA; Al-Anon;
Alcoholics Anonymous; Narcotics Anonymous; SAMHSA; HRSA; FQHC; CMS; ACA; PACE; HCBS; IHSS; CCBHC; IHS; Indian Health Service; VA; Veterans Affairs;
Fresenius; DaVita; Bayada; Amedisys; Lincare; Apria; AdaptHealth; ModivCare; LogistiCare; MTM; Uber Health; Lyft Healthcare; Lyft; Uber; Kroger;
King Soopers; Safeway; Aldi; Walgreens; CVS; Rite Aid; Dollar General; Family Dollar; Walmart; Costco; Target; Xcel; Xcel Energy; Eversource; National Grid; PG&E; Duke Energy; Dominion Energy; ConEd; Black Hills Energy; Atmos Energy; CenturyLink; Spectrum; Comcast; Xfinity;
T-Mobile; Verizon; MetroPCS; Cricket; SafeLink; Assurance Wireless; RTD; Access-a-Ride; Greyhound; Amtrak; Telemundo; Univision; WhatsApp; WeChat; Viber;
KakaoTalk; Zalo; LINE; Imo; Signal; Telegram; MyChart; Epic; Cerner; Athena; athenahealth; Teladoc; Amwell; Doxy.me; Zoom; Teams; Canvas; ClassDojo;
Infinite Campus; PowerSchool; Medicaid; Medicare; Habitat; ReStore; Goodwill; Arc; Easterseals; Alzheimer's Association; Hospice; Salud; Clinica;
Promise Zone; Dress for Success; Project Homeless Connect; Continuum of Care; HMIS; VI-SPDAT; Coordinated Entry; Rapid Rehousing; Permanent Supportive Housing;
Emergency Rental Assistance; Property Tax Rebate; PTC; EITC; CTC; Earned Income Tax Credit; VITA; Free File; Pell; FAFSA; GED; ESL; ESOL; IEP; 504`;

export const LANGUAGES_AND_GROUPS = `Tigrinya; Amharic; Oromo; Afaan Oromoo; Somali; Swahili; Kiswahili; Kinyarwanda; Kirundi; Lingala; Tshiluba; Luganda; Dinka; Nuer; Arabic; Dari; Pashto;
Farsi; Persian; Urdu; Hindi; Punjabi; Panjabi; Bengali; Bangla; Nepali; Gujarati; Tamil; Telugu; Kannada; Malayalam; Marathi; Burmese; Karen; Karenni;
Kayah; Hakha; Falam; Kachin; Rohingya; Hmong; Mien; Lao; Khmer; Thai; Vietnamese; Tagalog; Filipino; Ilocano; Ilokano; Cebuano; Visayan; Bisaya;
Chamorro; Marshallese; Chuukese; Pohnpeian; Kosraean; Yapese; Palauan; Samoan; Tongan; Fijian; Hawaiian; Maori; Mandarin; Cantonese; Taishanese; Toishanese;
Fuzhounese; Hokkien; Teochew; Hakka; Japanese; Korean; Russian; Ukrainian; Polish; Romanian; Portuguese; Haitian; Creole; Kreyòl; Kreyol; French; K'iche';
Kiche; Quiche; Mam; Q'anjob'al; Kanjobal; Qanjobal; Akateko; Chuj; Ixil; Kaqchikel; Q'eqchi'; Kekchi; Tzotzil; Tzeltal; Mixteco; Mixtec; Zapoteco; Zapotec;
Triqui; Trique; Nahuatl; Náhuatl; Otomí; Purépecha; Tarasco; Maya; Mayan; Yucatec; Garífuna; Garifuna; Quechua; Aymara; Guaraní; Navajo; Diné; Lakota;
Dakota; Nakota; Ojibwe; Cherokee; Hopi; Zuni; Yupik; Inupiaq; Yiddish; Hebrew; Turkish; Kurdish; Kurmanji; Sorani; Badini; Armenian; Georgian; Uzbek;
Tajik; Kazakh; Kyrgyz; Turkmen; Uyghur; Mongolian; Tibetan; Dzongkha; Sinhala; Albanian; Bosnian; Serbian; Croatian; Slovak; Czech; Hungarian; Fula;
Fulani; Fulfulde; Pulaar; Wolof; Mandinka; Bambara; Soninke; Susu; Hausa; Yoruba; Igbo; Twi; Akan; Ewe; Fante; Krio; Tigre; Saho; Bilen; Afar; Sidamo;
Harari; Hispanic; Latino; Latina; Latinx; Latine; Chicano; Chicana; Bhutanese; Lhotshampa; Afghan; Pashtun; Hazara; Eritrean; Ethiopian; Habesha; Somali
Bantu; Congolese; Burundian; Rwandan; Sudanese; Arab; Yazidi; Chaldean; Assyrian; Coptic; Micronesian; Polynesian; Melanesian; Pacific Islander; Pinoy;
Indigenous; Native; Indian; Native American; American Indian; Alaska Native; First Nations; Punjabi; Sikh; Bangladeshi; Cambodian; Laotian; Montagnard; Cuban; Dominican;
Puerto Rican; Boricua; Salvadoran; Salvadoreño; Guatemalan; Guatemalteco; Honduran; Hondureño; Nicaraguan; Venezuelan; Colombian; Peruvian; Ecuadorian;
Oaxacan; Oaxaqueño; Afro-Latino; African American; Caribbean; Jamaican; Trinidadian; Moldovan; Roma; Romani; Jewish; Muslim; Christian; Buddhist; Hindu;
Orthodox; Catholic; Católica; Católico; Lutheran; Methodist; Baptist; Pentecostal; Adventist; Mormon; LDS; Evangelical; Evangélica; Presbyterian;
Episcopal; Mennonite; Islamic; Methodist Episcopal; Nazarene; Unitarian; Amish; Jehovah; Quaker; Sunni; Shia; Ismaili; Ahmadiyya; Sufi; Bahá'í; Baha'i; Zoroastrian; Jain; Tewahedo; Maronite; Melkite`;

export const TRIBES = `Navajo Nation; Diné; Hopi; Zuni; Ute; Ute Mountain Ute; Southern Ute; Northern Ute; Apache; Jicarilla; Mescalero; White Mountain Apache; San Carlos Apache;
Tohono O'odham; O'odham; Pima; Akimel; Yaqui; Pascua Yaqui; Cherokee; Choctaw; Chickasaw; Muscogee; Seminole; Osage; Kiowa; Comanche; Cheyenne; Arapaho;
Lakota; Dakota; Nakota; Sioux; Oglala; Oglala Sioux; Rosebud Sioux; Sicangu; Hunkpapa; Standing Rock; Cheyenne River; Crow Creek; Lower Brule; Yankton;
Sisseton Wahpeton; Spirit Lake; Mandan; Hidatsa; Arikara; Assiniboine; Gros Ventre; Blackfeet; Crow; Northern Cheyenne; Shoshone; Bannock; Paiute; Washoe;
Klamath; Modoc; Yurok; Karuk; Hoopa; Pomo; Miwok; Chumash; Tlingit; Haida; Tsimshian; Inupiat; Aleut; Unangan; Athabascan; Ojibwe; Chippewa; Anishinaabe;
Ho-Chunk; Menominee; Oneida; Mohawk; Seneca; Onondaga; Cayuga; Tuscarora; Iroquois; Haudenosaunee; Lumbee; Pueblo; Kewa; Cochiti; Ohkay Owingeh; Tesuque;
Pojoaque; Nambe; Jemez; Isleta; Zia; Picuris; Puyallup; Tulalip; Lummi; Makah; Quinault; Nez Perce; Umatilla; Yakama; Colville; Salish; Kootenai;
Nisqually; Muckleshoot; Snoqualmie; Suquamish; Shinnecock; Wampanoag; Mashpee; Narragansett; Pequot; Mohegan; Penobscot; Passamaquoddy; Wabanaki;
Potawatomi; Kickapoo; Sac and Fox; Meskwaki; Ponca; Omaha; Winnebago; Otoe; Pawnee; Wichita; Caddo; Delaware; Lenape; Shawnee; Miami; Quapaw; Catawba`;

/** Programme and event words that look like names: used with a holiday or month ("Hmong New Year celebration"). */
export const EVENT_NOUNS = "shift shifts potluck party parties celebration celebrations dinner dinners drive drives fair fairs festival festivals event events night nights program programs programme basket baskets choir service services market lunch lunches meal meals break hours schedule closure closures parade concert toy toys food giveaway giveaways gathering gatherings picnic fiesta fiestas posada posadas sale sales campaign bazaar games walk walks journey procession dance dances competition competitions workshop workshops block";

/** Holidays and festivals of the communities served: dates when they date a person's event (detect.server.ts), never names. */
export const HOLIDAY_NAMES = `Diwali; Deepavali; Eid; Eid al-Fitr; Eid al-Adha; Eid ul-Fitr; Eid ul-Adha; Ramadan; Ramadhan; Nowruz; Norooz; Juneteenth; Kwanzaa; Hanukkah; Chanukah;
Rosh Hashanah; Yom Kippur; Passover; Purim; Lunar New Year; Chinese New Year; Tet; Tết; Dashain; Tihar; Holi; Vesak; Meskel; Timkat; Posadas;
Cinco de Mayo; Día de los Muertos; Navratri; Vaisakhi; Baisakhi; Songkran; Chuseok; Seollal; Obon; Pchum Ben; Thingyan; Mawlid; Ashura; Losar; Hmong New Year;
Orthodox Christmas; Good Friday; Ash Wednesday; Pentecost; Martin Luther King Day; MLK Day; Presidents Day; Columbus Day; Indigenous Peoples Day; Advent; Lent; Epiphany; Yuletide`;

/** Regions larger than a state, and continents: not identifiers ("the Pacific Northwest", "Rocky Mountain", "Latin America"). */
export const REGIONS = `Pacific; Atlantic; Pacific Northwest; Northwest; Southwest; Midwest; Northeast; Southeast; Mountain West; Rocky Mountain; Rocky Mountains; Rockies;
Great Plains; Great Lakes; New England; Gulf Coast; East Coast; West Coast; Deep South; Appalachia; Front Range; Western Slope; Intermountain; Mid-Atlantic;
America; Americas; North America; South America; Central America; Latin America; Caribbean; Middle East; East Africa; West Africa; Horn of Africa;
Central Africa; Southern Africa; North Africa; Sub-Saharan Africa; Southeast Asia; South Asia; East Asia; Central Asia; Pacific Islands; Micronesia; Polynesia;
Melanesia; Balkans; Eastern Europe; Western Europe; Scandinavia; Europe; Asia; Africa; Oceania; Antarctica; Mesoamerica`;

/** Ordinary Portuguese words that start emails and notes from Brazilian partners ("Oi pessoal", "Abraços", "Voz do Imigrante"); Spanish and English are covered by the dictionaries. */
export const PORTUGUESE_WORDS = `oi; olá; ola; obrigado; obrigada; obrigados; abraço; abraços; abracos; beijo; beijos; tchau; atenciosamente; cordialmente; saudações; prezado; prezada;
prezados; caro; cara; querido; querida; pessoal; equipe; bom dia; boa tarde; boa noite; tudo bem; até logo; até mais; imigrante; imigrantes; comunidade;
voz; casa; centro; igreja; associação; família; familia; saúde; saude; ajuda; você; voce; vocês; nós; nos; eles; elas; ele; ela; não; nao; sim; também;
tambem; muito; muita; obrigadão; valeu; abs; bjs; att; grato; grata; agradeço; desculpa; desculpe; por favor; notícias; noticias; reunião; reuniao`;

/** Vehicle models named in notes ("Kia Sorento", "Honda Odyssey"), those that are not ordinary words or places: not places or people. */
export const VEHICLE_MODELS = `F-150; F-250; Bronco; Silverado; Cruze; Trax; Tundra; RAV4; 4Runner; Sienna; Corolla; Camry; Prius; Yaris; CR-V; HR-V; Odyssey;
Ridgeline; Altima; Sentra; Versa; Elantra; Sonata; Kona; Sorento; Sportage; Telluride; Forester; Impreza; Crosstrek; Jetta; Passat; Tiguan; Wrangler;
Mazda3; Mazda6; CX-5; CX-9; Outlander; Lancer; Galant; Buick; LeSabre; Escalade`;

/**
 * Words of everyday care notes that name lists hold or no dictionary explains, and that are never a
 * person or a place: medical equipment makers and devices, care settings, plan fields, greetings and
 * courtesy words of the communities served (Marshallese, Spanish irregular verbs and medical words),
 * historical groups and feasts. Round 4 (docs/decisions/030).
 */
export const EVERYDAY_WORDS = `Hoyer; Hoyer lift; Invacare; Philips; Philips Respironics; Respironics; ResMed; Inogen; Drive Medical; Medline; Lumex; Rollator; Dexcom;
Omnipod; Medtronic; FreeStyle; Libre; Accu-Chek; OneTouch; Omron; Invacare Platinum; Hurrycane; Carex; Bathmate;
Telehealth; Telemedicine; Telepsych; MyChart; Medi-Cal; CIN; MBI; Medi-Cal CIN; Medicaid ID; BIC; HICN; Taliban; Mujahideen; Khmer Rouge; Derg;
kommol; kommol tata; iakwe; yokwe; jouj; ejjelok; kajjitok; Fasika; Enkutatash; Irreecha; Ashenda;
oye; oyes; oyó; oigo; oiga; oigan; oímos; oyeron; oír; oído; años; neuropatía; retinopatía; nefropatía; miocardiopatía; cardiopatía; diabetes; artritis; presión; azúcar;
acuérdate; acuérdense; fíjate; óyeme; dime; dile; ándale; órale; ojalá; híjole; porfa`;

/**
 * Everyday words of notes in Haitian Creole, French, Somali and Vietnamese that start a sentence with a
 * capital or that no English or Spanish list explains: never a person or a place (round 5, ADR 088).
 */
export const OTHER_LANGUAGE_WORDS = `mwen; nou; yo; pitit; gason; pitit fi; manman; papa; telefòn; telefon; klinik; lopital; rete; nan; ap; vini; vizite; kay; fanmi;
bezwen; manje; tout; moun; fèmen; fenmen; etaj; semèn; jodi a; demen; mèsi; bonjou; rendez-vous; habite; appartement; étage; arrivé; arrivée; fils; fille;
banque; alimentaire; ouverte; ouvert; hooyo; aabe; ballanta; ballan; wuxuu; waxay; waxaa; nool; yahay; magaalada; guriga;
isbitaalka; dabaqa; bisha; maalinta; xaaska; walaal; walaashay; ngày; tháng; năm; tầng; nhà; bệnh viện; con; cháu; eval; evals`;
