import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import { passwordFromBytes } from '../../domain/auth/password';

// argon2id with the library's defaults (m=64 MiB, t=3, p=4), above OWASP's minimum.
export const hashPassword = (password: string) => argon2.hash(password, { type: argon2.argon2id });
export const verifyPassword = (hash: string, password: string) => argon2.verify(hash, password);

/** A fresh random password: shown once to the person who set it up. */
export const generatePassword = () => passwordFromBytes(randomBytes(14));

// A real hash of nothing, verified when the username is unknown so timing does not tell.
let dummyHash: Promise<string> | null = null;
export const dummyVerify = async (password: string) => {
  dummyHash ??= hashPassword(generatePassword());
  await argon2.verify(await dummyHash, password);
};
