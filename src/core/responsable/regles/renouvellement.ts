import type { Jour } from "../../dates";
import { debut100SanteAudio, debutRegime2015 } from "../limites/regime-responsable";
import { UNITES, sorteDuCompte, type Formule, type Periode } from "../../garantie";
import type { IdRegle } from "../../postes";
import { formules } from "../couverture";
import { refR871_2 } from "../references";
import type { Regle } from "../regle";
import type { Verification } from "../verification";

/**
 * R871-2 3° and 4° (rules « R871-2 3° renouvellement » and « R871-2 4° renouvellement »): the guarantees apply to one optical equipment « par période de deux ans » (one
 * year for children under 16 or when the sight changes, LPP) and to one hearing aid per ear « par période de quatre
 * ans ». Checked when a cell states a count (« 1 équipement / an », « max 2 / an »): promising more often to every
 * beneficiary breaks the rule. The periods are dated parameters; a cell without a count says nothing to check.
 */
export const renouvellementOptique: Regle = {
  id: "R871-2 3° renouvellement",
  enonce: "Un équipement optique (2 verres et 1 monture) est pris en charge par période de deux ans, sauf renouvellement anticipé prévu par la LPP.",
  applicable: (d: Jour) => d >= debutRegime2015(),
  verifier(v: Verification) {
    verifier(
      v,
      this.id,
      "3°",
      (p) =>
        p.optique !== undefined &&
        (p.optique.element === "equipement" || p.optique.element === "verres" || p.optique.element === "verre" || p.optique.element === "monture"),
      2,
      "un équipement tous les 2 ans (1 an pour les moins de 16 ans ou en cas d'évolution de la vue)",
    );
  },
};

export const renouvellementAudio: Regle = {
  id: "R871-2 4° renouvellement",
  enonce: "Une aide auditive est prise en charge par oreille et par période de quatre ans.",
  applicable: (d: Jour) => d >= debut100SanteAudio(),
  verifier(v: Verification) {
    verifier(v, this.id, "4°", (p) => p.audio?.element === "aide", 4, "une aide auditive par oreille tous les 4 ans");
  },
};

function verifier(v: Verification, id: IdRegle, alinea: string, filtre: Parameters<Verification["lignes"]>[0], ans: number, regle: string): void {
  const ref = refR871_2(alinea, v.date);
  for (const i of v.lignes(filtre)) {
    for (const c of v.couverturesDe(i)) {
      const trop = formules(c).find((f) => frequence(f) !== undefined && frequence(f)! > 1 / ans + 1e-9);
      if (trop) {
        const m = trop.nombreMax!;
        v.signaler(
          id,
          "erreur",
          c,
          `La garantie prévoit ${m.nombre} ${m.unite ? UNITES[m.unite][m.nombre > 1 ? "pluriel" : "singulier"] : m.nombre > 1 ? "prises en charge" : "prise en charge"}` +
            `${m.par ? ` par ${UNITES[m.par].singulier}` : ""} ${dureeTexte(m.periode)} : ` +
            `le contrat responsable limite la prise en charge à ${regle}.`,
          ref,
        );
      }
    }
  }
}

/** Items per year a count allows (« 1 équipement tous les 2 ans » → 0.5), or undefined when it is not a count of items per duration. */
function frequence(f: Formule): number | undefined {
  const m = f.nombreMax;
  // Only a count of items (or « (max 1 / an) » on the item's line) is a renewal rule; a count of days is not.
  if (!m || sorteDuCompte(f) !== "renouvellement") return undefined;
  const annees = dureeEnAnnees(m.periode);
  return annees === undefined ? undefined : m.nombre / annees;
}

function dureeEnAnnees(p: Periode): number | undefined {
  switch (p.unite) {
    case "an":
      return p.nombre;
    case "semestre":
      return p.nombre / 2;
    case "trimestre":
      return p.nombre / 4;
    case "mois":
      return p.nombre / 12;
    default:
      return undefined;
  }
}

function dureeTexte(p: Periode): string {
  const u: Record<string, [string, string]> = {
    an: ["an", "ans"],
    semestre: ["semestre", "semestres"],
    trimestre: ["trimestre", "trimestres"],
    mois: ["mois", "mois"],
  };
  const [s, pl] = u[p.unite] ?? [p.unite, p.unite];
  return p.nombre === 1 ? `par ${s}` : `tous les ${p.nombre} ${pl}`;
}
