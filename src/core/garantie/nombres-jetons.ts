import { RembError } from "../errors";
import { CENTS_MAX, comparerTaux, taux, type Cents, type Taux } from "../money";
import { erreurSyntaxe, motTrouve } from "./erreurSyntaxe";
import type { Jeton } from "./jetons";

/**
 * The numbers a guarantee writes, from their tokens to exact values: rates, amounts in cents, whole counts. A number
 * that could be read two ways (« 1.500 »), or too precise, too large, is an error at its position.
 */

/** 10 000 %: above this a percentage is a typing slip (« 15000 % BR »), not a guarantee. */
const POURCENT_MAX: Taux = taux(100);
/** Largest count or period multiple (« max 365 jours / an », « tous les 4 ans »). */
export const ENTIER_MAX = 9999;

/** « 1.500 »: a thousands separator or a decimal point? Either reading is a guess. */
function ambigu(source: string, n: Jeton): never {
  const decimal = `${n.entier},${n.decimales}`.replace(/0+$/, "").replace(/,$/, "");
  erreurSur(
    source,
    n,
    "un nombre sans ambiguïté",
    `nombre ambigu à la position ${n.debut + 1} : « ${motTrouve(n.texte)} » (séparateur de milliers ou décimal ?) — écrire « ${n.entier}${n.decimales} » ou « ${decimal} »`,
  );
}

/** The rate a number token before « % » writes (« 150 » → 150 %), checked. */
export function pourcentageDuJeton(source: string, n: Jeton): Taux {
  // « 2,250 % » is a French decimal; « 1.500 % » may be 1500 % written the English way.
  if (n.ambigu && n.texte.includes(".")) ambigu(source, n);
  const chiffres = (n.entier + n.decimales).replace(/^0+(?=\d)/, "");
  let t: Taux | null = null;
  if (chiffres.length <= 15) {
    try {
      t = taux(Number(chiffres), n.decimales.length + 2);
    } catch (e) {
      if (!(e instanceof RembError)) throw e;
    }
  }
  if (t === null)
    erreurSur(source, n, "un pourcentage d'au plus 13 décimales", `pourcentage trop précis à la position ${n.debut + 1} : « ${motTrouve(n.texte)} % »`);
  if (comparerTaux(t, POURCENT_MAX) > 0) {
    erreurSur(
      source,
      n,
      "un pourcentage d'au plus 10 000 %",
      `pourcentage trop élevé à la position ${n.debut + 1} : « ${motTrouve(n.texte)} % » (10 000 % au plus)`,
    );
  }
  return t;
}

/** The amount a number token before « € » writes, in cents, checked. */
export function centsDuJeton(source: string, n: Jeton): Cents {
  if (n.ambigu) ambigu(source, n);
  if (n.decimales.length > 2) {
    erreurSur(source, n, "un montant au centime près", `montant au centime près attendu à la position ${n.debut + 1}, « ${motTrouve(n.texte)} » trouvé`);
  }
  const entier = n.entier.replace(/^0+(?=\d)/, "");
  const c = entier.length > 10 ? Infinity : Number(entier) * 100 + Number(n.decimales.padEnd(2, "0"));
  if (c > CENTS_MAX) {
    erreurSur(
      source,
      n,
      "un montant d'au plus 1 000 000 000 €",
      `montant trop élevé à la position ${n.debut + 1} : « ${motTrouve(n.texte)} € » (1 000 000 000 € au plus)`,
    );
  }
  return c;
}

/** A whole count or period multiple (« 4 séances », « / 2 ans »), between 1 and ENTIER_MAX. */
export function entierDuJeton(source: string, n: Jeton, attendu: string): number {
  if (n.decimales !== "" || n.ambigu) erreurSur(source, n, attendu, `nombre entier attendu à la position ${n.debut + 1}, « ${motTrouve(n.texte)} » trouvé`);
  const v = n.entier.length > 6 ? Infinity : Number(n.entier);
  if (v < 1 || v > ENTIER_MAX) {
    erreurSur(source, n, attendu, `nombre entre 1 et ${ENTIER_MAX} attendu à la position ${n.debut + 1}, « ${motTrouve(n.texte)} » trouvé`);
  }
  return v;
}

function erreurSur(source: string, n: Jeton, attendu: string, explication: string): never {
  throw erreurSyntaxe(source, n.debut, attendu, n.texte, explication);
}
