// argon2id hashes (the platform's parameters, src/platform/auth/passwords.ts) of the documented demo
// passwords (demoPassword in demo.figures.ts), computed once so that loading the demo does not spend
// hundreds of milliseconds of every first start hashing eight public passwords. These passwords are printed
// at start and refused in production; the hashes protect nothing and leak nothing. demo.passwords.test.ts
// checks each one against its password; a username missing here is hashed at load time.
export const demoPasswordHashes: Readonly<Record<string, string>> = {
  'demo.investigator': '$argon2id$v=19$m=19456,t=2,p=1$S0nOGyN4Vi3vjt9CHEAXVg$n2KRquzg03kKesYBtSTzmvuPLE9ZRMM+yiPgWPuiOp8',
  'demo.supervisor': '$argon2id$v=19$m=19456,t=2,p=1$LuUyLgI1HWD2ZsX/TyqbsA$IOGYq1Hpw9QDNlds3zXxDqowk0q94eb6kJeBmO6+pe8',
  'demo.analyst': '$argon2id$v=19$m=19456,t=2,p=1$H7kl6/Fy9/g4mTCkCPkpNA$CEuJ4kV5jzTxbX/yd4y9IZphI29IPlVJDSkk7RhgpzM',
  'demo.protection': '$argon2id$v=19$m=19456,t=2,p=1$MmtWZrLvaEVXnhIsLzAPYA$1mIaMxw6/jW/lUToviEXKgA5YmjKoOChHcwU0ALDq8A',
  'demo.prosecutor': '$argon2id$v=19$m=19456,t=2,p=1$JTPYlYf1UJGzgt7bkOGAtQ$wWRBOcAxcKa5gLjMAJCQrmHbLM1fvNeGq+zK8I+kpdY',
  'demo.leadership': '$argon2id$v=19$m=19456,t=2,p=1$7h17UHkv+ZEYkC7W9mlcrw$SoiuR0ddRk1GiJSI6jIqs7zvZS+bEb08kxGnXYlKKHQ',
  'demo.admin': '$argon2id$v=19$m=19456,t=2,p=1$casCkhCmL8DcweamSuA9Tg$1lD1qSLv/qzjZLlfODpZp6VUNS4/Pgu6bUVRe3QiZA4',
  'demo.auditor': '$argon2id$v=19$m=19456,t=2,p=1$6QuM93xmgqkodpmWVxFgwg$ksQOhoz55mBT5nVigd0BvG36GaykexteD5ZruKKvGZA',
};
