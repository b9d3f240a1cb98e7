// Common Pakistani given names and family names with their usual Latin spellings and Urdu forms, so that
// frequent names canonicalise exactly (محمد, Mohd, Muhammed -> muhammad), and a prior frequency for the most
// common ones: with little data to count from, "Muhammad" must still weigh little. Names not listed here are
// compared by their consonant skeleton (see names.ts). Entries: canonical, Latin variants, Urdu forms, prior.
type Entry = [canonical: string, latin: string[], urdu: string[], prior?: number];

const ENTRIES: Entry[] = [
  ['muhammad', ['mohammad', 'mohammed', 'muhammed', 'mohamed', 'mohamad', 'muhamad', 'muhammet', 'mohd', 'muhd', 'mhd', 'md', 'mohammod', 'muhamed'], ['محمد'], 0.3],
  ['ahmad', ['ahmed', 'ahmet', 'ahamad'], ['احمد'], 0.05],
  ['ali', ['aly', 'alee'], ['علی', 'على'], 0.06],
  ['hasan', ['hassan', 'hasaan'], ['حسن'], 0.02],
  ['husain', ['hussain', 'hussein', 'husein', 'hosain', 'hussian', 'husayn'], ['حسین'], 0.03],
  ['umar', ['omar', 'omer', 'umer'], ['عمر'], 0.02],
  ['usman', ['osman', 'uthman', 'othman', 'usmaan'], ['عثمان'], 0.015],
  ['abdullah', ['abdulla', 'abdallah'], ['عبداللہ', 'عبدالله'], 0.015],
  ['asif', ['aasif', 'asaf'], ['آصف', 'اصف'], 0.01],
  ['imran', ['imraan', 'emran'], ['عمران'], 0.01],
  ['irfan', ['irfaan', 'erfan'], ['عرفان'], 0.008],
  ['bilal', ['belal', 'bilaal'], ['بلال'], 0.01],
  ['faisal', ['faysal', 'feisal', 'fesal'], ['فیصل'], 0.008],
  ['tariq', ['tarik', 'tareq', 'tareeq'], ['طارق'], 0.008],
  ['khalid', ['khaled'], ['خالد'], 0.008],
  ['rashid', ['rasheed', 'rashed'], ['راشد', 'رشید'], 0.008],
  ['shahid', ['shaheed', 'shahed'], ['شاہد', 'شاهد'], 0.008],
  ['zahid', ['zaheed', 'zahed'], ['زاہد', 'زاهد'], 0.006],
  ['sajid', ['sajed'], ['ساجد'], 0.006],
  ['majid', ['majeed', 'majed'], ['ماجد', 'مجید'], 0.006],
  ['nadeem', ['nadim'], ['ندیم'], 0.006],
  ['naveed', ['navid', 'naved'], ['نوید'], 0.006],
  ['waseem', ['wasim', 'vaseem'], ['وسیم'], 0.006],
  ['kashif', ['kashef'], ['کاشف'], 0.005],
  ['javed', ['javaid', 'javid', 'javeed'], ['جاوید'], 0.006],
  ['pervaiz', ['parvez', 'pervez', 'parvaiz', 'perwaiz'], ['پرویز'], 0.004],
  ['tanveer', ['tanvir', 'tanweer'], ['تنویر'], 0.004],
  ['yusuf', ['yousuf', 'yousaf', 'yusaf', 'yousef', 'youssef', 'yosuf'], ['یوسف'], 0.006],
  ['ibrahim', ['ebrahim', 'ibraheem'], ['ابراہیم', 'ابراهیم'], 0.005],
  ['ismail', ['ismael', 'esmail', 'ismaeel'], ['اسماعیل'], 0.004],
  ['ishaq', ['ishaque', 'ishak', 'is-haq', 'ishaaq'], ['اسحاق'], 0.003],
  ['yaqub', ['yaqoob', 'yakub', 'yaqoub', 'yaqob'], ['یعقوب'], 0.003],
  ['mustafa', ['mustapha', 'mustufa', 'mostafa'], ['مصطفیٰ', 'مصطفی'], 0.004],
  ['hamza', ['hamzah'], ['حمزہ', 'حمزه'], 0.006],
  ['zubair', ['zubayr', 'zuber'], ['زبیر'], 0.004],
  ['qasim', ['kasim', 'qaasim', 'qasem'], ['قاسم'], 0.004],
  ['hafeez', ['hafez'], ['حفیظ'], 0.003],
  ['saeed', ['saeid', 'saied', 'sayeed'], ['سعید'], 0.006],
  ['shoaib', ['shuaib', 'shoeb', 'shuayb'], ['شعیب'], 0.004],
  ['sohail', ['suhail', 'sohel', 'suhayl'], ['سہیل', 'سهیل'], 0.004],
  ['aslam', ['aslum'], ['اسلم'], 0.006],
  ['akram', ['akrum'], ['اکرم'], 0.005],
  ['akbar', ['akber'], ['اکبر'], 0.005],
  ['iqbal', ['ikbal', 'iqbaal'], ['اقبال'], 0.006],
  ['nawaz', ['nawaaz', 'navaz'], ['نواز'], 0.005],
  ['riaz', ['riyaz'], ['ریاض'], 0.005],
  ['ejaz', ['ijaz', 'aijaz', 'eijaz'], ['اعجاز'], 0.004],
  ['ehsan', ['ahsan', 'ihsan'], ['احسان', 'احسن'], 0.004],
  ['zafar', ['zafer'], ['ظفر'], 0.004],
  ['anwar', ['anwer', 'anvar'], ['انور'], 0.004],
  ['arshad', ['arshid'], ['ارشد'], 0.004],
  ['amjad', ['amjed'], ['امجد'], 0.004],
  ['abbas', ['abbaas'], ['عباس'], 0.005],
  ['raza', ['rezaa'], ['رضا'], 0.008],
  ['rizwan', ['rizvan', 'rezwan'], ['رضوان'], 0.005],
  ['adnan', ['adnaan'], ['عدنان'], 0.004],
  ['kamran', ['kamraan'], ['کامران'], 0.005],
  ['farooq', ['faruq', 'farooque', 'faruk', 'farouk'], ['فاروق'], 0.005],
  ['mehmood', ['mahmood', 'mahmud', 'mehmud', 'mahmod'], ['محمود'], 0.006],
  ['mansoor', ['mansur', 'mansoor', 'mansour'], ['منصور'], 0.003],
  ['rehman', ['rahman', 'rehmaan', 'rahmaan'], ['رحمان', 'رحمن'], 0.008],
  ['noor', ['nur'], ['نور'], 0.005],
  ['allah', ['ullah', 'ulla'], ['اللہ', 'الله'], 0.004],
  ['khan', ['khaan'], ['خان'], 0.06],
  ['shah', ['shaah'], ['شاہ', 'شاه'], 0.02],
  ['butt', ['butt', 'bhat', 'bat'], ['بٹ'], 0.01],
  ['qureshi', ['qureshy', 'kureshi', 'quraishi', 'qurashi'], ['قریشی'], 0.01],
  ['siddiqui', ['siddiqi', 'siddiqui', 'sidiqui', 'siddique'], ['صدیقی'], 0.006],
  ['abbasi', ['abassi'], ['عباسی'], 0.006],
  ['awan', ['awaan'], ['اعوان'], 0.008],
  ['bhatti', ['bhati'], ['بھٹی'], 0.008],
  ['baloch', ['balouch', 'baluch'], ['بلوچ'], 0.006],
  ['gill', ['gil'], ['گل'], 0.004],
  ['cheema', ['chima'], ['چیمہ'], 0.004],
  ['jatoi', [], ['جتوئی'], 0.003],
  ['gondal', [], ['گوندل'], 0.003],
  ['hussaini', [], ['حسینی'], 0.002],
  ['fatima', ['fatimah', 'fatma', 'fatema'], ['فاطمہ', 'فاطمه'], 0.03],
  ['ayesha', ['aisha', 'aysha', 'ayisha', 'aishah'], ['عائشہ', 'عائشه'], 0.02],
  ['zainab', ['zaynab', 'zenab'], ['زینب'], 0.015],
  ['maryam', ['mariam', 'mariyam', 'mariyum'], ['مریم'], 0.015],
  ['khadija', ['khadeeja', 'khadijah'], ['خدیجہ'], 0.01],
  ['sana', ['sanaa'], ['ثناء', 'ثنا'], 0.01],
  ['nadia', ['nadiya'], ['نادیہ'], 0.006],
  ['bushra', [], ['بشریٰ', 'بشری'], 0.006],
  ['sadia', ['sadiya'], ['سعدیہ'], 0.006],
  ['saima', ['sayma'], ['صائمہ'], 0.006],
  ['rubina', ['rubeena'], ['روبینہ'], 0.005],
  ['nasreen', ['nasrin'], ['نسرین'], 0.005],
  ['shazia', ['shaziya'], ['شازیہ'], 0.005],
  ['kausar', ['kausar', 'kosar', 'kawsar', 'kauser'], ['کوثر'], 0.004],
  ['bibi', [], ['بی بی', 'بیبی'], 0.02],
  ['begum', ['begam', 'baigum'], ['بیگم'], 0.02],
];

export interface GivenName {
  canonical: string;
  prior: number;
}

const latinTable = new Map<string, GivenName>();
const urduTable = new Map<string, GivenName>();

/** Urdu spelling folded the same way the lookup key is (see names.ts foldUrdu); set by names.ts. */
export function buildTables(foldUrdu: (s: string) => string): void {
  if (latinTable.size > 0) return;
  for (const [canonical, latin, urdu, prior = 0.002] of ENTRIES) {
    const g: GivenName = { canonical, prior };
    if (!latinTable.has(canonical)) latinTable.set(canonical, g);
    for (const v of latin) if (!latinTable.has(v.replace(/-/g, ''))) latinTable.set(v.replace(/-/g, ''), g);
    for (const u of urdu) urduTable.set(foldUrdu(u).replace(/\s+/g, ''), g);
  }
}

const spellings = new Map<string, string[]>();

/** The Latin spellings the table knows for a canonical name (the canonical one first). */
export function spellingsOf(canonical: string): readonly string[] {
  let out = spellings.get(canonical);
  if (!out) {
    out = [canonical];
    for (const [v, g] of latinTable) if (g.canonical === canonical && v !== canonical) out.push(v);
    spellings.set(canonical, out);
  }
  return out;
}

export function lookupLatin(token: string): GivenName | undefined {
  return latinTable.get(token);
}

export function lookupUrdu(folded: string): GivenName | undefined {
  return urduTable.get(folded);
}
