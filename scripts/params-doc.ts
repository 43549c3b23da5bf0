/**
 * Writes docs/parametres.md, the auditors' view of every legal parameter, from src/core/params/*.json.
 * Run: `npx tsx scripts/params-doc.ts`. A test (test/core/params/doc.test.ts) fails when the committed page
 * differs from what this script generates, so the page never drifts from the data the engine uses.
 * The output depends only on the JSON files (no generation date), so regenerating is idempotent.
 */
import { writeFileSync } from "node:fs";
import { dateFr, jourDepuisIso } from "../src/core/dates";
import { centsDepuisEuros, formatEuros, tauxDepuisTexte, tauxEnPourcentTexte } from "../src/core/money";
import { DEBUT_MOTEUR, FICHIERS_PARAMETRES } from "../src/core/params";
import type { BaseDate, FichierParametres, ParametreJson, Reference, Unite, ValeurJson } from "../src/core/params";
import type { InstantaneCss } from "../src/core/params/instantane";
import instantaneJson from "../src/core/params/textes/css.json";

const INSTANTANE = instantaneJson as InstantaneCss;

const UNITES: Record<Unite, string> = {
  EUR: "€",
  "EUR/day": "€ par jour",
  "/1": "taux",
  "×BR": "× BR",
  count: "nombre",
  year: "années",
  month: "mois",
  day: "jours",
  D: "dioptries",
  date: "date",
  boolean: "oui / non",
};

const BASES: Record<BaseDate, string> = {
  care: "soins",
  contract: "contrat",
  year: "année",
  premium: "échéance",
};

/**
 * Legal values deliberately not stored as data, with the reason. They are not in the JSON (that is the point), so
 * they are listed here for the auditors' page.
 */
export const LIGNES_NON_ENREGISTREES: readonly { nom: string; raison: string }[] = [
  {
    nom: "franchise.borne_ro",
    raison:
      "Règle et non valeur : la franchise ne dépasse jamais le remboursement de l'article (D160-9, dernier alinéa). Elle est appliquée dans le code des calculateurs.",
  },
  {
    nom: "responsable.dptm.reference",
    raison:
      "Changement de libellé (CAS → DPTM, OPTAM / OPTAM-CO, le 06/05/2017, décret n° 2017-736) et non valeur : le format ne stocke pas de texte. La date figure dans la description de responsable.non_dptm.ecart_min.",
  },
  {
    nom: "responsable.fj.limite_jours",
    raison:
      "Valeur « aucune limite » (R871-2 6°, « sans limitation de durée ») : null signifie « paramètre supprimé » dans ce format. L'absence de limite est une règle du vérificateur (R871-2 6°, forfait journalier sans limitation de durée).",
  },
  {
    nom: "tsa.indemnites_journalieres",
    raison: "Taux de 7 % ou 14 % (L862-4 II bis) sans indication du cas auquel s'applique chacun : non enregistré tant que la répartition n'est pas établie.",
  },
  {
    nom: "pf.montant (4 €) et franchises doublées (2026)",
    raison: "Projets abandonnés en décembre 2025, sans date : mentionnés dans les descriptions de pf.montant et franchise.medicament, jamais comme valeurs.",
  },
  {
    nom: "audio.base.moins_20 avant le 01/01/2019",
    raison:
      "De 900 € à 1 400 € selon le type d'appareil (catégories A à D de la LPP, cnmss.fr) : la base dépend d'une donnée que REMB ne demande pas ; le paramètre commence au 01/01/2019 (tarif unique de 1 400 €).",
  },
  {
    nom: "tsa.contribution_cmu avant le 01/01/2009",
    raison: "Taux plus bas que 5,9 % avant la LFSS 2009 : taux et dates non recherchés ; le paramètre commence au 01/01/2009.",
  },
  {
    nom: "r160_5.tm.* avant le 01/01/2016",
    raison:
      "Les fourchettes du ticket modérateur figuraient dans l'ancien article R. 322-1 (renuméroté R160-5 au 01/01/2016), hors de l'instantané des textes : non enregistrées.",
  },
  {
    nom: "dentaire.br.detartrage (28,92 €)",
    raison: "Ancienne base citée par des listes anciennes sans date de changement : seule la base de 43,38 € est enregistrée (⚠ avec note).",
  },
];

/** A table cell: no pipe, no line break. */
function cellule(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");
}

function pluriel(n: number, un: string, plusieurs: string): string {
  return `${n} ${n > 1 ? plusieurs : un}`;
}

/** The value as an auditor reads it: French amounts, percentages, durations. */
export function valeurLisible(unite: Unite, v: ValeurJson["valeur"]): string {
  if (v === null) return "— (supprimé)";
  switch (unite) {
    case "EUR":
      return formatEuros(centsDepuisEuros(String(v)));
    case "EUR/day":
      return `${formatEuros(centsDepuisEuros(String(v)))} par jour`;
    case "/1":
      return `${tauxEnPourcentTexte(tauxDepuisTexte(String(v)))} %`;
    case "×BR":
      return `${String(v).replace(".", ",")} × BR`;
    case "D":
      return `${String(v).replace(".", ",")} D`;
    case "count":
      return String(v);
    case "year":
      return pluriel(Number(v), "an", "ans");
    case "month":
      return `${String(v)} mois`;
    case "day":
      return pluriel(Number(v), "jour", "jours");
    case "boolean":
      return v ? "oui" : "non";
    case "date":
      return dateFr(jourDepuisIso(String(v)));
  }
}

function debutLisible(v: ValeurJson): string {
  const d = dateFr(jourDepuisIso(v.debut));
  return v.debutInconnu ? `${d} (début inconnu)` : d;
}

/** Last day of a value: the day before the next value of the same kind (published, or announced after it). */
function finLisible(valeurs: readonly ValeurJson[], i: number): string {
  const v = valeurs[i]!;
  if (v.valeur === null) return "";
  const suivante = valeurs.slice(i + 1).find((x) => v.statut === "annonce" || x.statut !== "annonce");
  return suivante ? dateFr(jourDepuisIso(suivante.debut) - 1) : "";
}

/** The Légifrance page of a cited version: the last one cited (the text in force at the end of the value). */
function urlReference(r: Reference): string | undefined {
  if (r.url) return r.url;
  const id = r.legiartiFin ?? r.legiarti;
  return id ? `https://www.legifrance.gouv.fr/codes/article_lc/${id}` : undefined;
}

/** One reference: its text, linked; ✓ and the versions when the citation is checked against the snapshot of the texts. */
function uneReference(r: Reference): string {
  const texte = cellule(r.texte);
  const url = urlReference(r);
  const lien = url ? `[${texte}](${url})` : texte;
  if (!r.article) return lien;
  const versions = r.legiartiFin ? `${r.legiarti} → ${r.legiartiFin}` : r.legiarti;
  return `${lien} ✓ ${r.article}${r.alinea ? ` ${r.alinea}` : ""}, ${versions}${r.extrait ? ` : « ${cellule(r.extrait)} »` : ""}`;
}

function reference(v: ValeurJson): string {
  return [v.reference, ...(v.autresReferences ?? [])].map(uneReference).join(" ; ");
}

function confiance(v: ValeurJson): string {
  return `${v.confiance}${v.incertain ? " ⚠" : ""}`;
}

function note(v: ValeurJson): string {
  const parts: string[] = [];
  if (v.statut === "annonce") parts.push("**Annoncé**, non publié : ignoré sauf demande expresse.");
  if (v.note) parts.push(cellule(v.note));
  return `${v.incertain ? "⚠ " : ""}${parts.join(" ")}`;
}

function verifieLe(f: FichierParametres, p: ParametreJson): string {
  return dateFr(jourDepuisIso(p.verifieLe ?? f.verifieLe));
}

function tableFichier(nomFichier: string, f: FichierParametres): string[] {
  const l: string[] = [];
  const nbValeurs = f.parametres.reduce((n, p) => n + p.valeurs.length, 0);
  l.push(`## ${f.sujet}`, "");
  l.push(
    `Fichier \`src/core/params/${nomFichier}\` : ${pluriel(f.parametres.length, "paramètre", "paramètres")}, ${pluriel(nbValeurs, "valeur datée", "valeurs datées")} ; vérification du fichier le ${dateFr(jourDepuisIso(f.verifieLe))}, date par paramètre dans la colonne « Vérifié le ».`,
    "",
  );
  l.push("| Paramètre | Description | Vérifié le | Unité | Base | Du | Au | Valeur | Références | Confiance | Note |");
  l.push("|---|---|---|---|---|---|---|---|---|---|---|");
  for (const p of f.parametres) {
    p.valeurs.forEach((v, i) => {
      const valeur = v.statut === "annonce" ? `annoncé : ${valeurLisible(p.unite, v.valeur)}` : valeurLisible(p.unite, v.valeur);
      l.push(
        `| \`${p.nom}\` | ${i === 0 ? cellule(p.description) : ""} | ${i === 0 ? verifieLe(f, p) : ""} | ${UNITES[p.unite]} | ${BASES[p.base]} | ${debutLisible(v)} | ${finLisible(p.valeurs, i)} | ${valeur} | ${reference(v)} | ${confiance(v)} | ${note(v)} |`,
      );
    });
  }
  l.push("");
  return l;
}

function listeIncertains(fichiers: Readonly<Record<string, FichierParametres>>): string[] {
  const entrees: { p: ParametreJson; v: ValeurJson; fichier: string }[] = [];
  for (const [fichier, f] of Object.entries(fichiers)) {
    for (const p of f.parametres) for (const v of p.valeurs) if (v.incertain) entrees.push({ p, v, fichier });
  }
  const l: string[] = [];
  l.push("## Valeurs incertaines (⚠)", "");
  l.push(
    `${pluriel(entrees.length, "valeur datée est marquée", "valeurs datées sont marquées")} ⚠ : valeur non confirmée ou sources en désaccord. Un écart qui repose sur l'une d'elles est à signaler comme une alerte, pas comme une erreur.`,
    "",
  );
  entrees.forEach(({ p, v, fichier }, i) => {
    const valeur = v.statut === "annonce" ? `annoncé : ${valeurLisible(p.unite, v.valeur)}` : valeurLisible(p.unite, v.valeur);
    l.push(`${i + 1}. \`${p.nom}\` du ${debutLisible(v)} : ${valeur} (${v.confiance}, ${fichier}). ${cellule(v.note ?? "")}`);
  });
  l.push("");
  return l;
}

/** The whole page, deterministic for given files. */
export function genererDocParametres(fichiers: Readonly<Record<string, FichierParametres>> = FICHIERS_PARAMETRES): string {
  const nbParametres = Object.values(fichiers).reduce((n, f) => n + f.parametres.length, 0);
  const nbValeurs = Object.values(fichiers).reduce((n, f) => n + f.parametres.reduce((m, p) => m + p.valeurs.length, 0), 0);
  const l: string[] = [];
  l.push("# Paramètres légaux de REMB", "");
  l.push(
    "Page générée par `npx tsx scripts/params-doc.ts` à partir des fichiers `src/core/params/*.json` : ne pas la modifier à la main. " +
      "Un test échoue si elle ne correspond plus aux données du moteur.",
    "",
  );
  l.push(`${pluriel(nbParametres, "paramètre", "paramètres")}, ${pluriel(nbValeurs, "valeur datée", "valeurs datées")}.`, "");
  const [paquet] = INSTANTANE.paquets;
  l.push(
    `Textes du Code de la sécurité sociale : instantané \`src/core/params/textes/css.json\` de ${Object.keys(INSTANTANE.articles).length} articles (toutes leurs versions, et le texte des versions lues), ` +
      `tiré du paquet npm ${INSTANTANE.source.split(" ")[0]} ${paquet!.version} (code consolidé au ${dateFr(jourDepuisIso(paquet!.consolidation))}) par \`npx tsx scripts/legi-instantane.ts\`. ` +
      "Un test vérifie chaque citation ✓ contre cet instantané ; `npx tsx scripts/legi-nouveautes.ts` liste ce que le paquet publié a de nouveau pour ces articles.",
    "",
  );
  l.push("Lecture :", "");
  l.push(
    "- **Du** est le premier jour où la valeur s'applique, **Au** le dernier ; une case **Au** vide signifie « toujours en vigueur à la dernière vérification ». Avant la première date, le moteur refuse de répondre (erreur qui nomme le paramètre et la date) au lieu de prendre la valeur la plus proche.",
    `- **Début inconnu** : la valeur s'appliquait déjà à cette date, mais sa date réelle d'entrée en vigueur n'a pas été recherchée ; le moteur la stocke à partir de sa date la plus ancienne (${dateFr(jourDepuisIso(DEBUT_MOTEUR))}) sauf meilleure date indiquée en note.`,
    "- **Base** : date qui choisit la valeur. *soins* : date des soins ; *contrat* : date de souscription ou de renouvellement du contrat ; *année* : année civile des soins ; *échéance* : date d'échéance de la cotisation.",
    "- **Références** : la première est celle que REMB affiche dans ses calculs ; ✓ = citation d'un article du CSS vérifiée dans l'instantané des textes : versions citées (LEGIARTI, de la première à la dernière) couvrant les dates de la valeur et, entre guillemets, les mots de l'article qui la portent, retrouvés dans chaque version lue.",
    "- **Vérifié le** : date du dernier contrôle des valeurs du paramètre contre leurs sources.",
    "- **Confiance** : LAW = lu dans le texte légal consolidé ; OFF = source officielle secondaire (ameli, service-public, JORF) ; SEC = presse, assureur ou courtier ; INF = déduit. ⚠ = valeur non confirmée ou sources en désaccord (liste complète en fin de page).",
    "- **Annoncé** : valeur annoncée mais non publiée, ignorée par le moteur sauf demande expresse.",
    "- **— (supprimé)** : le paramètre n'existe plus à partir de cette date.",
    "",
  );
  l.push("Sommaire :", "");
  for (const [nomFichier, f] of Object.entries(fichiers)) {
    l.push(`- ${f.sujet} (\`${nomFichier}\`, ${pluriel(f.parametres.length, "paramètre", "paramètres")})`);
  }
  l.push("");
  for (const [nomFichier, f] of Object.entries(fichiers)) l.push(...tableFichier(nomFichier, f));
  l.push("## Lignes de la documentation juridique non enregistrées", "");
  for (const { nom, raison } of LIGNES_NON_ENREGISTREES) l.push(`- \`${nom}\` : ${raison}`);
  l.push("");
  l.push(...listeIncertains(fichiers));
  return l.join("\n");
}

// Run only as a script (`npx tsx scripts/params-doc.ts`), not when a test imports the generator.
if (process.argv[1] !== undefined && /params-doc\.ts$/.test(process.argv[1])) {
  const cible = new URL("../docs/parametres.md", import.meta.url);
  writeFileSync(cible, genererDocParametres(), "utf8");
  console.log(`docs/parametres.md écrit (${Object.keys(FICHIERS_PARAMETRES).length} fichiers de paramètres).`);
}
