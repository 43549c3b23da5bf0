import { RembError } from "../errors";

/**
 * A calendar day as an integer: days since 1970-01-01. Comparisons and lookups are integer operations;
 * conversions to ISO text and Excel serial numbers happen at the edges.
 */
export type Jour = number;

const ANNEE_MIN = 1900;
const ANNEE_MAX = 9999;

// Civil calendar <-> day number (H. Hinnant's algorithms, proleptic Gregorian, exact for all our years).
export function jourDepuisCivil(annee: number, mois: number, jour: number): Jour {
  const y = mois <= 2 ? annee - 1 : annee;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (mois + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + jour - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilDepuisJour(j: Jour): { annee: number; mois: number; jour: number } {
  const z = j + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const jour = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const mois = mp < 10 ? mp + 3 : mp - 9;
  return { annee: yoe + era * 400 + (mois <= 2 ? 1 : 0), mois, jour };
}

export function joursDansMois(annee: number, mois: number): number {
  if (mois === 2) return (annee % 4 === 0 && annee % 100 !== 0) || annee % 400 === 0 ? 29 : 28;
  return mois === 4 || mois === 6 || mois === 9 || mois === 11 ? 30 : 31;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2025-01-01" → Jour. Anything else, or a day that does not exist (2025-02-30), is an error. */
export function jourDepuisIso(s: string): Jour {
  const m = ISO.exec(s.trim());
  if (m) {
    const a = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    if (a >= ANNEE_MIN && a <= ANNEE_MAX && mo >= 1 && mo <= 12 && d >= 1 && d <= joursDansMois(a, mo)) {
      return jourDepuisCivil(a, mo, d);
    }
  }
  throw new RembError("DATE_INVALIDE", `Date invalide : « ${s} » — une date AAAA-MM-JJ existante est attendue.`);
}

const FR = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** "01/03/2026" or "2026-03-01" → Jour (text dates typed by users). */
export function jourDepuisTexte(s: string): Jour {
  const m = FR.exec(s.trim());
  if (m) {
    const a = Number(m[3]);
    const mo = Number(m[2]);
    const d = Number(m[1]);
    if (a >= ANNEE_MIN && a <= ANNEE_MAX && mo >= 1 && mo <= 12 && d >= 1 && d <= joursDansMois(a, mo)) {
      return jourDepuisCivil(a, mo, d);
    }
    throw new RembError("DATE_INVALIDE", `Date invalide : « ${s.trim()} » — ce jour n'existe pas.`);
  }
  if (ISO.test(s.trim())) return jourDepuisIso(s);
  // Not a date in either form: say both forms (« 1/3/26 », « 1er mars 2026 » are typed by users).
  throw new RembError("DATE_INVALIDE", `Date invalide : « ${s.trim().slice(0, 40)} » — écrivez-la JJ/MM/AAAA (01/03/2026) ou AAAA-MM-JJ.`);
}

export function isoDepuisJour(j: Jour): string {
  const { annee, mois, jour } = civilDepuisJour(j);
  return `${String(annee).padStart(4, "0")}-${mois < 10 ? "0" : ""}${mois}-${jour < 10 ? "0" : ""}${jour}`;
}

/** French display for messages: 01/03/2026. */
export function dateFr(j: Jour): string {
  const { annee, mois, jour } = civilDepuisJour(j);
  return `${jour < 10 ? "0" : ""}${jour}/${mois < 10 ? "0" : ""}${mois}/${annee}`;
}

// Excel 1900 date system: serial 1 = 1900-01-01 and serial 60 is the non-existent 1900-02-29 that Excel
// keeps for Lotus 1-2-3 compatibility, so real dates from 1900-03-01 on are shifted by one day.
const SERIE_1970 = 25569; // serial of 1970-01-01
const SERIE_MAX = 2958465; // 9999-12-31

/** Excel serial (1900 system) → Jour. A time of day (fraction) is ignored; 60 and out-of-range serials are errors. */
export function jourDepuisSerie(serie: number): Jour {
  if (!Number.isFinite(serie) || serie < 1 || serie >= SERIE_MAX + 1) {
    throw new RembError("DATE_INVALIDE", `Date invalide : ${serie} n'est pas une date Excel (nombre de jours depuis le 01/01/1900).`);
  }
  const s = Math.floor(serie);
  if (s === 60) {
    throw new RembError("DATE_INVALIDE", "Date invalide : 29/02/1900 n'existe pas (numéro de série Excel 60).");
  }
  return s > 60 ? s - SERIE_1970 : s - SERIE_1970 + 1;
}

export function serieDepuisJour(j: Jour): number {
  const s = j + SERIE_1970;
  return s > 60 ? s : s - 1;
}

/** Today in the local time zone (the user's calendar day, not UTC). */
export function aujourdhui(): Jour {
  const d = new Date();
  return jourDepuisCivil(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

/** Calendar months later; the day is clamped to the month's end (31/01 + 1 month = 28 or 29/02). */
export function ajouterMois(j: Jour, n: number): Jour {
  const { annee, mois, jour } = civilDepuisJour(j);
  const total = annee * 12 + (mois - 1) + n;
  const a = Math.floor(total / 12);
  const m = total - a * 12 + 1;
  return jourDepuisCivil(a, m, Math.min(jour, joursDansMois(a, m)));
}

export function ajouterAns(j: Jour, n: number): Jour {
  return ajouterMois(j, 12 * n);
}
