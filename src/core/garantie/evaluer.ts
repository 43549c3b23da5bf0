import { RembError, horsChamp } from "../errors";
import { anneeDe, jourDepuisCivil } from "../dates";
import { appliquerTaux, additionner, multiplierEntier, type Cents } from "../money";
import { parametres } from "../params";
import type { Formule, Garantie, Terme, TermePeriode, UniteTemps } from "./ast";
import type { ContexteGarantie } from "./contexte";

const PAR_UNITE: ReadonlySet<UniteTemps> = new Set(["acte", "jour", "nuit", "seance"]);

/**
 * G: the total guaranteed for the line, Sécu incluse (domain §2.5). A cell written « en sus du RO » is the
 * complementary's part alone, so G = RO brut + its value (RO brut, not RO net: PF and franchises stay with
 * the patient, §2.3). Rounding happens only inside appliquerTaux (each x % × base).
 */
export function evaluerGarantie(g: Garantie, ctx: ContexteGarantie): Cents {
  switch (g.type) {
    case "neant":
      return 0;
    case "service":
      throw horsChamp(`Garantie non monétaire (« ${g.texte} ») : aucun montant à calculer.`);
    case "formule":
      return evaluerFormule(g, ctx);
  }
}

function evaluerFormule(f: Formule, ctx: ContexteGarantie): Cents {
  const unites = nombreUnites(f, ctx);
  let valeur = somme(f.termes, f, ctx, unites);
  if (f.limite) {
    const plafond = somme(f.limite, f, ctx, unites);
    if (plafond < valeur) valeur = plafond;
  }
  return f.convention === "RO_EN_SUS" ? additionner(ctx.roBrut, valeur) : valeur;
}

function nombreUnites(f: Formule, ctx: ContexteGarantie): number {
  const u = ctx.unites ?? 1;
  if (!Number.isInteger(u) || u < 0) throw new RembError("ARGUMENT_INVALIDE", `Nombre d'unités invalide : ${u} (entier positif attendu).`);
  return f.nombreMax && f.nombreMax.nombre < u ? f.nombreMax.nombre : u;
}

function somme(termes: readonly TermePeriode[], f: Formule, ctx: ContexteGarantie, unites: number): Cents {
  let total = 0;
  for (let i = 0; i < termes.length; i++) {
    const tp = termes[i]!;
    let v = valeurTerme(tp.terme, f, ctx);
    if (tp.periode && PAR_UNITE.has(tp.periode.unite) && unites !== 1) v = multiplierEntier(v, unites);
    total = additionner(total, v);
  }
  return total;
}

function valeurTerme(t: Terme, f: Formule, ctx: ContexteGarantie): Cents {
  switch (t.type) {
    case "montant":
      return t.cents;
    case "plafondLegal":
      if (ctx.plafondLegal === undefined) {
        throw horsChamp("Garantie « dans la limite des plafonds du contrat responsable » : aucun plafond légal ne s'applique à cette ligne.");
      }
      return ctx.plafondLegal;
    case "pourcentage":
      switch (t.base) {
        case "BR":
          return appliquerTaux(ctx.br, t.taux);
        case "FR":
          return appliquerTaux(ctx.fr, t.taux);
        case "TM": {
          // x % of the TM: written « Sécu incluse » it means RO brut + x % × TM (100 % TM = the BR).
          const part = appliquerTaux(ctx.br - ctx.roBrut, t.taux);
          return f.convention === "RO_EN_SUS" ? part : additionner(ctx.roBrut, part);
        }
        case "PMSS":
          return appliquerTaux(pmssDeLAnnee(ctx), t.taux);
        case "PLV":
          if (ctx.plv === undefined) throw horsChamp("Garantie exprimée en % du PLV : le prix limite de vente de cet article n'est pas connu.");
          return appliquerTaux(ctx.plv, t.taux);
        case "HLF":
          if (ctx.hlf === undefined) throw horsChamp("Garantie exprimée en % des HLF : les honoraires limites de facturation de cet acte ne sont pas connus.");
          return appliquerTaux(ctx.hlf, t.taux);
      }
  }
}

/** Grids use the PMSS of the calendar year of care (domain §2.5 [INF]). */
function pmssDeLAnnee(ctx: ContexteGarantie): Cents {
  return parametres.cents("pmss", jourDepuisCivil(anneeDe(ctx.date), 1, 1));
}
