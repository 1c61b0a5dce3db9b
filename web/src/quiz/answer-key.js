// answer-key.js — encodes and decodes the quiz's fixed answers so the bank (questions.js) never
// holds them as plain text. This is a nuisance barrier, not security: the decoder ships with the
// page, so anyone who reads this file can recover every key. See README.md.
//
// Scheme: JSON text of the answer → UTF-8 bytes → XOR with a keystream seeded from
// SALT + question id (FNV-1a hash feeding xorshift32) → base64. The question id in the seed means
// two questions with the same answer get different strings, and a key copied onto another
// question decodes to garbage (decodeAnswer then returns undefined).
import { fnv1a } from '../lib/seeded.js';

const SALT = 'attention-lesson/quiz/1';

const seedFrom = (text) => fnv1a(text) || 0x9e3779b9; // xorshift must not start at 0

function keystream(questionId, length) {
  let s = seedFrom(`${SALT}:${questionId}`);
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i += 1) {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    out[i] = s & 0xff;
  }
  return out;
}

function xor(questionId, bytes) {
  const ks = keystream(questionId, bytes.length);
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i += 1) out[i] = bytes[i] ^ ks[i];
  return out;
}

function toBase64(bytes) {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

function fromBase64(text) {
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i += 1) out[i] = bin.charCodeAt(i);
  return out;
}

/** Encode an answer (any JSON value) for question `questionId`. Used when authoring the bank. */
export function encodeAnswer(questionId, value) {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  return toBase64(xor(String(questionId), bytes));
}

/** Decode a key made by encodeAnswer. Returns undefined if the key is malformed or belongs to
 *  another question. */
export function decodeAnswer(questionId, encoded) {
  if (typeof encoded !== 'string' || encoded === '') return undefined;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(xor(String(questionId), fromBase64(encoded)));
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The decoded key of a question (choice: option id, numeric: number, order: item ids). */
export function answerOf(question) {
  return decodeAnswer(question.id, question.key);
}
