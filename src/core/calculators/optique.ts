import { RembError, argumentInvalide } from "../errors";
import { additionner, appliquerTaux, type Cents, type Taux } from "../money";
import { dateFr, type Jour } from "../dates";
import { parametres } from "../params";
import { citerArticle, referenceNommee } from "../params/articles";
import { evaluerGarantie, type ContexteGarantie, type Garantie } from "../garantie";
import { AUCUN, clore, type Decompte, type Etape, type PlafondApplique } from "./decompte";
import { verifierGarantie, verifierMontant, verifierMontantGarantie, QUOI_BR, type OptionsCalcul } from "./entrees";
import { ouvrir } from "./ouverture";
import {
  etape,
  euros,
  interpretationGarantie,
  pourcent,
  ETAPE_BASE_RETENUE,
  ETAPE_RO_NET,
  ETAPE_RAC,
  ETAPE_GARANTIE_PLAFONNEE,
  ETAPE_NON_RESPONSABLE,
} from "./etapes";
import { mentionnePlafondLegal } from "../responsable/limites/plafond-legal";
import { plafondMonture, plafondOptique, plancherOptique, type MontantLimite } from "../responsable/limites/plafonds";
import { debut100SanteOptiqueDentaire, regimeOptique, valeurSoins, type RegimeOptique } from "../responsable/limites/regime-responsable";
import { libelleCategorie, type CategorieOptique } from "./verres";

/**
 * One optical equipment: a frame and two lenses (R871-2 3° CSS; docs/modele-de-calcul.md §9 and rules « R871-2 3° classe A » to « R871-2 3° monture »).
 *
 * - Classe B (free prices), 2020 regime (contracts from responsable.regime_100s.optique_dentaire.debut): BR of
 *   the LPP (optique.classe_b.br.*), RO at ro.taux.lpp. The guarantee G (per equipment, Sécu incluse) is capped at
 *   the category cap, RO included (rule « R871-2 3° plafond »); covered frame = min(frame price, frame limit, frame sub-limit of the
 *   grid); covered lenses = min(lenses price, G − covered frame); RC = covered total − RO brut (rule « R871-2 3° monture »).
 * - 2015 regime (contracts from responsable.regime_2015.debut to the 2020 regime): caps and frame limit TM
 *   included but not the RO, so the RO comes on top of each amount (rule « R871-2 3° plafond »); no class distinction.
 * The amounts are dated parameters and the articles come from src/core/params/articles.json.
 * - Classe A (100 % Santé, contracts from 2020-01-01): covered in full up to the PLV, RAC 0 (rule « R871-2 3° classe A », docs/exemples-chiffres.md example 11).
 */
export interface EntreeOptique {
  /** Care date: selects the LPP bases, the PLV and the RO rate. */
  readonly date: Jour;
  /** Subscription or renewal date of the contract (default: the care date): selects the responsible regime. */
  readonly dateContrat?: Jour;
  /** Per equipment, Sécu incluse unless it says « en sus du RO ». */
  readonly garantie: Garantie;
  /** Price of the frame. */
  readonly monture: Cents;
  /** Price of both lenses. */
  readonly verres: Cents;
  readonly categorie: CategorieOptique;
  /** "B" (default, free prices) or "A" (100 % Santé). */
  readonly classe?: "A" | "B";
  /** Total BR of the equipment when known (default: the legal BR of the class). */
  readonly base?: Cents;
  /**
   * BR of the frame alone, when known. Only the 2015 regime needs it (its frame limit excludes the frame's RO)
   * and a frame sub-limit written « en sus du RO »; default: the adult frame BR of the LPP at the care date.
   */
  readonly baseMonture?: Cents;
  /** Frame sub-limit printed in the grid (« dont monture 100 € »). */
  readonly garantieMonture?: Garantie;
  /** Default true: the legal caps bind; false: the guarantee is computed as written. */
  readonly responsable?: boolean;
}

const CATEGORIES: readonly string[] = ["a", "b", "c", "d", "e", "f"];

export function calculerOptique(e: EntreeOptique, o?: OptionsCalcul): Decompte {
  const { date, dateContrat, responsable, etapes } = ouvrir(e, o);
  if (e.garantieMonture !== undefined) verifierGarantie(e.garantieMonture, "la garantie de la monture");
  verifierMontant(e.monture, "le prix de la monture");
  verifierMontant(e.verres, "le prix des verres");
  if (e.base !== undefined) verifierMontant(e.base, QUOI_BR);
  if (e.baseMonture !== undefined) verifierMontant(e.baseMonture, "la base de remboursement de la monture");
  if (typeof e.categorie !== "string" || !CATEGORIES.includes(e.categorie)) {
    throw argumentInvalide(`Catégorie d'équipement inconnue : « ${String(e.categorie)} » — une lettre de « a » à « f » est attendue.`);
  }
  const classe = e.classe ?? "B";
  if (classe !== "A" && classe !== "B") {
    throw argumentInvalide(`Classe d'équipement optique inconnue : « ${String(classe)} » — « A » (100 % Santé) ou « B » est attendue.`);
  }
  const mentionne = mentionnePlafondLegal(e.garantie) || (e.garantieMonture !== undefined && mentionnePlafondLegal(e.garantieMonture));
  // The regime decides the caps, the class A obligation and the floors; a non-responsible contract needs it only
  // when a cell refers to « les plafonds du contrat responsable ».
  const regime: RegimeOptique | undefined = responsable || mentionne ? regimeOptique(dateContrat) : undefined;
  const c: Calcul = {
    e,
    date,
    dateContrat,
    fr: additionner(e.monture, e.verres),
    classe,
    responsable,
    regime,
    taux: parametres.taux("ro.taux.lpp", date),
    etapes,
    alertes: null,
    plafonds: AUCUN,
  };
  if (c.etapes) {
    c.etapes.push(etape(`Frais réels : monture ${euros(e.monture)} + verres ${euros(e.verres)}`, c.fr));
    c.etapes.push(etape(`Équipement de classe ${classe}, catégorie ${libelleCategorie(e.categorie)}`, null));
    if (regime !== undefined) {
      c.etapes.push(
        etape(
          regime === "2020"
            ? `Contrat du ${dateFr(dateContrat)} : règles optiques 100 % Santé (contrats à partir du ${dateFr(debut100SanteOptiqueDentaire())})`
            : `Contrat du ${dateFr(dateContrat)} : règles optiques de 2015 (plafonds ticket modérateur inclus, RO en sus)`,
          null,
          citerArticle("R871-2", "3°", dateContrat),
        ),
      );
    } else {
      c.etapes.push(etape("Contrat non responsable : plafonds et planchers non appliqués", null));
    }
  }
  // Under a 2015-regime contract the 100 % Santé obligation does not exist: a classe A equipment bought in 2020
  // follows the contract's own guarantee and the 2015 limits, like any other equipment.
  if (classe === "A" && regime !== "2015") return classeA(c);
  if (classe === "A") {
    ajouterAlerte(
      c,
      `Contrat du ${dateFr(dateContrat)} (règles de 2015) : la prise en charge intégrale de la classe A (100 % Santé) ne s'impose qu'aux contrats ` +
        `souscrits ou renouvelés depuis le ${dateFr(debut100SanteOptiqueDentaire())} ; l'équipement est calculé selon la garantie et les limites de 2015.`,
    );
  }
  return classeB(c, classe);
}

interface Calcul {
  readonly e: EntreeOptique;
  readonly date: Jour;
  readonly dateContrat: Jour;
  readonly fr: Cents;
  readonly classe: "A" | "B";
  readonly responsable: boolean;
  readonly regime: RegimeOptique | undefined;
  readonly taux: Taux;
  readonly etapes: Etape[] | null;
  alertes: string[] | null;
  plafonds: readonly PlafondApplique[];
}

// ---------------------------------------------------------------------------------------------------------
// Classe A (rule « R871-2 3° classe A »)

function classeA(c: Calcul): Decompte {
  const { e, date, fr } = c;
  const ratio = valeurSoins("optique.classe_a.br_ratio", date, "la classe A (100 % Santé) de l'optique");
  const vPlv = valeurSoins("optique.classe_a.plv.monture", date, "le prix limite de vente des montures de classe A");
  const plvMonture = vPlv.valeur as Cents;
  // The frame's PLV is known (30 €); the lenses' PLV depends on each LPP code and is not in the parameters, so
  // their price is taken as within their PLV (⚠ docs/modele-de-calcul.md §14 point 6).
  const montureCouverte = e.monture < plvMonture ? e.monture : plvMonture;
  const plv = additionner(plvMonture, e.verres);
  const couvert = additionner(montureCouverte, e.verres);
  const br = e.base ?? appliquerTaux(couvert, ratio.valeur as Taux);
  const base = baseRetenue(c, br);
  const roBrut = appliquerTaux(base, c.taux);
  const ctx: ContexteGarantie = { date, br: base, fr, roBrut, plv };
  const gEcrite = evaluer(e.garantie, ctx);
  if (e.monture > plvMonture) {
    ajouterAlerte(
      c,
      `Prix de la monture (${euros(e.monture)}) supérieur au prix limite de vente de la classe A (${euros(plvMonture)}) : ` +
        (c.responsable ? `l'excédent (${euros(e.monture - plvMonture)}) reste à la charge de l'assuré.` : "prix non conforme pour un équipement 100 % Santé."),
    );
  }
  let g = gEcrite;
  if (c.responsable) {
    // R871-2 3°: the contract covers the amount above the BR up to the PLV, whatever its grid says.
    g = couvert;
    if (gEcrite < couvert) {
      ajouterAlerte(
        c,
        `La garantie écrite (${euros(gEcrite)}) est inférieure à la prise en charge intégrale due pour un équipement 100 % Santé ` +
          `(${euros(couvert)}) : calcul selon R871-2 3° CSS.`,
      );
    }
  }
  const rc = rcSur(g, fr, roBrut);
  if (c.etapes) {
    const et = c.etapes;
    if (e.base === undefined) {
      et.push(
        etape(
          `Base de remboursement estimée : ${pourcent(ratio.valeur as Taux)} du prix dans la limite du PLV de la monture (⚠ ratio déduit des exemples, table LPP non lue)`,
          br,
          ratio.reference.texte,
        ),
      );
    } else et.push(etape("Base de remboursement (indiquée)", br));
    etapesRo(c, br, base, roBrut);
    et.push(etape(`Garantie : ${interpretationGarantie(e.garantie, ctx)}`, gEcrite));
    et.push(etape("Prix limite de vente de la monture de classe A", plvMonture, vPlv.reference.texte));
    const ref = referenceNommee("r871_2.3.classe_a", c.dateContrat);
    if (c.responsable) et.push(etape("Prise en charge 100 % Santé : monture dans la limite du PLV + verres", couvert, ref));
    et.push(etape("RC = prise en charge − RO brut", rc, ref));
    et.push(etape(ETAPE_RAC, fr - roBrut - rc));
  }
  return fin(c, base, roBrut, g, rc);
}

// ---------------------------------------------------------------------------------------------------------
// Classe B (rules « R871-2 3° plancher » to « R871-2 3° monture »), and any equipment under a 2015-regime contract

function classeB(c: Calcul, classe: "A" | "B"): Decompte {
  const { e, date, fr } = c;
  // « 420 € dont 100 € monture max »: the frame's share printed in the equipment's own cell is its sub-limit.
  const garantieMonture: Garantie | undefined = e.garantieMonture ?? partMonture(e.garantie);
  const br = e.base ?? baseParDefaut(c, classe);
  const base = baseRetenue(c, br);
  const roBrut = appliquerTaux(base, c.taux);

  // Legal amounts in « Sécu incluse » terms: the 2015 amounts exclude the RO, so it is added to them.
  let capEquipement: MontantLimite | undefined;
  let capG: Cents | undefined;
  let capMonture: MontantLimite | undefined;
  let capMontureG: Cents | undefined;
  let roMonture: Cents | undefined;
  let brMonture: Cents | undefined;
  if (c.regime !== undefined) {
    capEquipement = plafondOptique(e.categorie, c.dateContrat);
    capG = capEquipement.inclutRo ? capEquipement.montant : additionner(capEquipement.montant, roBrut);
    capMonture = plafondMonture(c.dateContrat);
    if (!capMonture.inclutRo || (garantieMonture !== undefined && garantieMonture.type === "formule" && garantieMonture.convention === "RO_EN_SUS")) {
      brMonture = baseMontureParDefaut(c, base);
      roMonture = appliquerTaux(brMonture, c.taux);
    }
    capMontureG = capMonture.inclutRo ? capMonture.montant : additionner(capMonture.montant, roMonture ?? 0);
  }

  const ctx: ContexteGarantie = { date, br: base, fr, roBrut, plafondLegal: capG };
  const gEcrite = evaluer(e.garantie, ctx);
  let g = gEcrite;
  if (c.responsable && capG !== undefined && g > capG) {
    g = capG;
    ajouterPlafond(c, {
      code: `optique.classe_b.plafond.${e.categorie}`,
      libelle: `Plafond de l'équipement de catégorie ${libelleCategorie(e.categorie)}${capEquipement!.inclutRo ? "" : " (ticket modérateur inclus, RO en sus)"}`,
      montant: capG,
      reference: capEquipement!.valeur.reference.texte,
    });
    ajouterAlerte(
      c,
      `La garantie (${euros(gEcrite)}) dépasse le plafond du contrat responsable pour un équipement de catégorie ${e.categorie} ` +
        `(${euros(capG)}${capEquipement!.inclutRo ? "" : `, soit ${euros(capEquipement!.montant)} + RO ${euros(roBrut)}`}) : elle est calculée plafonnée (R871-2 3° CSS).`,
    );
  }

  // Frame: min(price, legal frame limit, the grid's frame sub-limit), and never more than G itself.
  let montureCouverte = e.monture < g ? e.monture : g;
  let gMonture: Cents | undefined;
  let ctxMonture: ContexteGarantie | undefined;
  if (garantieMonture !== undefined) {
    if (brMonture === undefined) {
      brMonture = baseMontureParDefaut(c, base);
      roMonture = appliquerTaux(brMonture, c.taux);
    }
    ctxMonture = { date, br: brMonture, fr: e.monture, roBrut: roMonture ?? 0, plafondLegal: capMontureG };
    gMonture = evaluer(garantieMonture, ctxMonture);
    if (gMonture < montureCouverte) montureCouverte = gMonture;
  }
  if (c.responsable && capMontureG !== undefined) {
    if (montureCouverte > capMontureG) {
      montureCouverte = capMontureG;
      ajouterPlafond(c, {
        code: "optique.monture.plafond",
        libelle: `Limite de prise en charge de la monture${capMonture!.inclutRo ? "" : " (ticket modérateur inclus, RO de la monture en sus)"}`,
        montant: capMontureG,
        reference: capMonture!.valeur.reference.texte,
      });
    }
    if (gMonture !== undefined && gMonture > capMontureG) {
      ajouterAlerte(
        c,
        `La garantie de la monture (${euros(gMonture)}) dépasse la limite du contrat responsable (${euros(capMontureG)}) : elle est calculée plafonnée (R871-2 3° CSS).`,
      );
    }
  }
  const resteVerres = g - montureCouverte;
  const verresCouverts = e.verres < resteVerres ? e.verres : resteVerres;
  const couvert = montureCouverte + verresCouverts;
  const rc = rcSur(couvert, fr, roBrut);

  if (c.responsable && c.regime !== undefined) alertesPlancher(c, gEcrite, base, roBrut);

  if (c.etapes) {
    const et = c.etapes;
    if (e.base === undefined) {
      et.push(
        etape(
          classe === "B"
            ? "Base de remboursement LPP : 2 verres + 1 monture de classe B"
            : "Base de remboursement estimée (classe A, ⚠ ratio déduit des exemples)",
          br,
          "LPP (liste des produits et prestations, L165-1 CSS)",
        ),
      );
    } else et.push(etape("Base de remboursement (indiquée)", br));
    etapesRo(c, br, base, roBrut);
    et.push(etape(`Garantie : ${interpretationGarantie(e.garantie, ctx)}`, gEcrite));
    if (capG !== undefined) {
      et.push(
        etape(
          `Plafond de l'équipement, catégorie ${libelleCategorie(e.categorie)}${capEquipement!.inclutRo ? ", RO inclus" : `, ${euros(capEquipement!.montant)} + RO ${euros(roBrut)}`}`,
          capG,
          capEquipement!.valeur.reference.texte,
        ),
      );
      if (g !== gEcrite) et.push(etape(ETAPE_GARANTIE_PLAFONNEE, g, referenceNommee("r871_2.3.plafonds", c.dateContrat)));
      else if (!c.responsable) et.push(etape(ETAPE_NON_RESPONSABLE, null));
    }
    if (gMonture !== undefined) et.push(etape(`Garantie de la monture : ${interpretationGarantie(garantieMonture!, ctxMonture)}`, gMonture));
    if (capMontureG !== undefined && c.responsable) {
      et.push(
        etape(
          capMonture!.inclutRo
            ? "Limite de la monture, RO inclus"
            : `Limite de la monture, ${euros(capMonture!.montant)} + RO de la monture ${euros(roMonture ?? 0)}`,
          capMontureG,
          capMonture!.valeur.reference.texte,
        ),
      );
    }
    et.push(etape("Monture prise en charge", montureCouverte, referenceNommee("r871_2.3.monture", c.dateContrat)));
    et.push(etape("Verres pris en charge (dans la limite de la garantie restante)", verresCouverts));
    et.push(etape("RC = monture + verres pris en charge − RO brut", rc, referenceNommee("r871_2.3", c.dateContrat)));
    et.push(etape(ETAPE_RAC, fr - roBrut - rc));
  }
  return fin(c, base, roBrut, g, rc);
}

/** The legal BR of a full equipment: 2 lenses + 1 frame of classe B (LPP from 2020-01-01), or classe A estimated. */
function baseParDefaut(c: Calcul, classe: "A" | "B"): Cents {
  if (classe === "A") return baseClasseA(c, c.e.verres);
  if (!classeBExiste(c.date)) throw sansBase(c.date);
  return additionner(2 * parametres.cents("optique.classe_b.br.verre", c.date), parametres.cents("optique.classe_b.br.monture", c.date));
}

/** Classe A BR estimated as ratio × (frame within its PLV + lenses) ⚠ (optique.classe_a.br_ratio, INF). */
function baseClasseA(c: Calcul, verres: Cents): Cents {
  const ratio = valeurSoins("optique.classe_a.br_ratio", c.date, "la classe A (100 % Santé) de l'optique").valeur as Taux;
  const plvMonture = valeurSoins("optique.classe_a.plv.monture", c.date, "le prix limite de vente des montures de classe A").valeur as Cents;
  return appliquerTaux(additionner(c.e.monture < plvMonture ? c.e.monture : plvMonture, verres), ratio);
}

/**
 * The frame's BR: given, or the adult frame BR of the LPP at the care date (the former 2,84 € until 2019, the
 * classe B 0,05 € since; classe A: estimated from its PLV), never more than the equipment's BR.
 * ⚠ The child frame BR is not modelled here.
 */
function baseMontureParDefaut(c: Calcul, base: Cents): Cents {
  let b = c.e.baseMonture;
  if (b === undefined && c.classe === "A") b = baseClasseA(c, 0);
  if (b === undefined) {
    b = parametres.cents(classeBExiste(c.date) ? "optique.classe_b.br.monture" : "optique.ancien.br.monture.adulte", c.date);
  }
  return b < base ? b : base;
}

/** The classe B tariffs start with the 100 % Santé LPP (2020-01-01); before, each lens had its own LPP tariff. */
function classeBExiste(date: Jour): boolean {
  return date >= debutClasseB();
}

function debutClasseB(): Jour {
  return parametres.definition("optique.classe_b.br.verre").valeurs[0]!.debut;
}

function sansBase(date: Jour): RembError {
  return new RembError(
    "HORS_CHAMP",
    `Soins du ${dateFr(date)} : avant le ${dateFr(debutClasseB())}, la base de remboursement d'un équipement dépend du code LPP de chaque verre ` +
      `et de la monture — indiquez-la (argument « base »).`,
    { nature: "indisponible", reference: "LPP (ancienne nomenclature optique)" },
  );
}

/** rule « R871-2 3° plancher » floors and rule « R871-2 1° » TM, as alerts only: compliance is the validator's business. */
function alertesPlancher(c: Calcul, gEcrite: Cents, base: Cents, roBrut: Cents): void {
  if (gEcrite < base) {
    ajouterAlerte(
      c,
      `La garantie (${euros(gEcrite)}) ne couvre pas le ticket modérateur (base ${euros(base)}) : un contrat responsable doit le couvrir (R871-2 1° CSS).`,
    );
    return;
  }
  if (gEcrite === base) return; // TM-only cover is compliant: the floors bind only beyond the TM.
  const p = plancherOptique(c.e.categorie, c.dateContrat);
  const plancher = p.inclutRo ? p.montant : additionner(p.montant, roBrut);
  if (gEcrite < plancher) {
    ajouterAlerte(
      c,
      `La garantie (${euros(gEcrite)}) dépasse le ticket modérateur mais reste sous le plancher du contrat responsable pour la catégorie ` +
        `${c.e.categorie} (${euros(plancher)}) (R871-2 3° CSS).`,
    );
  }
}

// ---------------------------------------------------------------------------------------------------------

/** The AMO never pays more than was spent: the BR used is min(BR, FR) (same rule as the other calculators). */
function baseRetenue(c: Calcul, br: Cents): Cents {
  if (c.fr >= br) return br;
  ajouterAlerte(
    c,
    `Frais réels (${euros(c.fr)}) inférieurs à la base de remboursement (${euros(br)}) : le RO est calculé sur les frais réels, ` +
      `l'assurance maladie ne rembourse pas plus que la dépense.`,
  );
  return c.fr;
}

function etapesRo(c: Calcul, br: Cents, base: Cents, roBrut: Cents): void {
  const et = c.etapes!;
  if (base !== br) et.push(etape(ETAPE_BASE_RETENUE, base));
  et.push(etape(`RO brut (${pourcent(c.taux)} × ${euros(base)})`, roBrut, referenceNommee("r160_5.lpp", c.date)));
  et.push(etape("Retenue : aucune (ni participation forfaitaire ni franchise sur les dispositifs de la LPP)", 0));
  et.push(etape(ETAPE_RO_NET, roBrut));
}

function evaluer(g: Garantie, ctx: ContexteGarantie): Cents {
  const v = evaluerGarantie(g, ctx);
  verifierMontantGarantie(v);
  return v;
}

/** RC = max(0, min(covered, FR) − RO brut). */
function rcSur(couvert: Cents, fr: Cents, roBrut: Cents): Cents {
  const m = couvert < fr ? couvert : fr;
  return m > roBrut ? m - roBrut : 0;
}

function ajouterAlerte(c: Calcul, a: string): void {
  (c.alertes ??= []).push(a);
}

function ajouterPlafond(c: Calcul, p: PlafondApplique): void {
  c.plafonds = c.plafonds === AUCUN ? [p] : [...c.plafonds, p];
}

function fin(c: Calcul, base: Cents, roBrut: Cents, g: Cents, rc: Cents): Decompte {
  return clore({ fr: c.fr, br: base, roBrut, garantie: g, rc, plafonds: c.plafonds, alertes: c.alertes, etapes: c.etapes });
}

/** The frame's share of an equipment's cell (« … dont 100 € monture »), as a guarantee of its own. */
function partMonture(g: Garantie): Garantie | undefined {
  if (g.type !== "formule" || g.monture === undefined) return undefined;
  return { type: "formule", termes: [{ terme: { type: "montant", cents: g.monture } }], convention: g.convention, conventionExplicite: g.conventionExplicite };
}
