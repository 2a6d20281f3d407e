export const FIRST_NAMES = [
  'Alex', 'Sam', 'Jordan', 'Taylor', 'Morgan', 'Jamie', 'Charlie', 'Emma', 'Olivia', 'Sophie', 'Lucas',
  'Noah', 'Liam', 'Mila', 'Lotte', 'Daan', 'Sem', 'Julia', 'Finn', 'Eva', 'Lars', 'Anna', 'Tom', 'Lisa',
  'Ben', 'Mia', 'Leon', 'Hannah', 'Elias', 'Lena', 'Mateo', 'Lucia', 'Hugo', 'Chloe', 'Louis', 'Ines',
  'Arthur', 'Zoe', 'Oscar', 'Nina', 'Jack', 'Grace', 'Harry', 'Amelia', 'George', 'Isla', 'Omar', 'Aisha',
  'Yusuf', 'Fatima', 'Wei', 'Mei', 'Kenji', 'Yuki', 'Priya', 'Arjun', 'Sofia', 'Diego', 'Maria', 'José',
];

export const LAST_NAMES = [
  'Smith', 'Jones', 'Williams', 'Brown', 'Taylor', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Roberts',
  'de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'Peeters', 'Janssens', 'Maes', 'Jacobs',
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Martin', 'Bernard', 'Dubois', 'Durand', 'Leroy',
  'García', 'Fernández', 'López', 'Martínez', 'Rossi', 'Russo', 'Ferrari', 'Esposito', 'Nowak', 'Kowalski',
  'Andersen', 'Nielsen', 'Hansen', 'Larsen', "O'Brien", 'Murphy', 'Kelly', 'Walsh', 'Chen', 'Wang', 'Kim',
  'Patel', 'Singh', 'Khan', 'Ali', 'Silva', 'Santos', 'Costa', 'Novak', 'Horvat',
];

export const EMAIL_DOMAINS = ['gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com', 'hotmail.com', 'proton.me', 'example.com'];

export const USER_AGENTS: readonly (readonly [string, string])[] = [
  ['Apple', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1'],
  ['Apple', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Safari/605.1.15'],
  ['Android', 'Mozilla/5.0 (Linux; Android 11; DN2101 Build/RP1A.200720.011; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/99.0.4844.58 Mobile Safari/537.36'],
  ['Android', 'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36'],
  ['Windows', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:94.0) Gecko/20100101 Firefox/94.0'],
  ['Windows', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36'],
  ['Other', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36'],
];

const slugs = new Map<string, string>();

/** "José" → "jose", "O'Brien" → "obrien" (memoised: called for every generated e-mail address). */
export function slugify(s: string): string {
  let out = slugs.get(s);
  if (out === undefined) {
    out = s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '');
    if (slugs.size < 10_000) slugs.set(s, out);
  }
  return out;
}
