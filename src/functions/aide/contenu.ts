/**
 * What the help pages say beyond the metadata (descriptions and arguments come from functions.ts's JSDoc): a
 * longer explanation, examples as Excel would be given them, remarks and the legal references. Example results
 * are never written here: scripts/aide.ts computes them with the real functions, and test/functions/aide.test.ts
 * fails when a committed page shows a result the function no longer returns.
 *
 * Example arguments: numbers, texts, booleans, null (argument left empty), {date: "AAAA-MM-JJ"} (written
 * DATE(a;m;j)) and {pct: 70} (written 70%).
 */

export type ArgumentExemple =
  | number
  | string
  | boolean
  | null
  | { readonly date: string }
  | { readonly pct: number }
  /** A range: written as its address in the formula, passed as its values. */
  | { readonly plage: string; readonly cellules: readonly (readonly (string | number | null)[])[] };

export interface Exemple {
  readonly args: readonly ArgumentExemple[];
  /** What the example shows, in French. */
  readonly explication: string;
  /** How to show a numeric result: euros with 2 decimals (default for amounts) or the plain number. */
  readonly format?: "euros" | "nombre";
}

export interface ContenuAide {
  /** Paragraphs in French (plain text; « » quotes, no HTML). */
  readonly presentation: readonly string[];
  readonly exemples: readonly Exemple[];
  readonly remarques: readonly string[];
  readonly references: readonly string[];
  /** Default format of numeric results. */
  readonly format: "euros" | "nombre" | "texte";
  /** Replaces the generic paragraph on ranges and broadcasting, for a function that reads a whole table. */
  readonly plages?: string;
}

const D = (date: string) => ({ date });
const P = (pct: number) => ({ pct });

const RESULTATS =
  "resultat choisit le montant rendu : RC (part de la complémentaire, par défaut), RO (remboursement net de la Sécurité sociale), RAC (reste à charge), TOTAL (RO + RC) ou DETAIL (le décompte ligne à ligne, sur deux colonnes, avec les références).";

export const CONTENU: Readonly<Record<string, ContenuAide>> = {
  TM: {
    presentation: [
      "Le ticket modérateur est la part de la base de remboursement que la Sécurité sociale laisse à l'assuré : base − RO brut, où le RO brut est base × taux arrondi au centime.",
      "Quand les frais réels sont donnés, le ticket modérateur ne dépasse pas ce qui reste à payer après la Sécurité sociale (frais − RO brut).",
    ],
    exemples: [
      { args: [30, P(70)], explication: "Consultation de généraliste à 30 € remboursée à 70 % : RO brut 21 €." },
      { args: [43.38, P(60)], explication: "Détartrage : RO brut 26,03 € (26,028 arrondi au centime), ticket modérateur 17,35 €." },
      { args: [30, P(70), 25], explication: "Frais inférieurs à la base : le ticket modérateur est limité à 25 − 21." },
    ],
    remarques: ["La participation forfaitaire et les franchises ne font pas partie du ticket modérateur : voir REMB.RO."],
    references: ["R160-5 CSS (taux de participation de l'assuré)", "L160-13 I CSS (participation de l'assuré)"],
    format: "euros",
  },
  RO: {
    presentation: [
      "Ce que verse la Sécurité sociale : base × taux arrondi au centime (RO brut), moins la participation forfaitaire ou la franchise retenue, sans descendre sous zéro.",
      "retenue accepte un montant ou un mot-clé : « PF » (participation forfaitaire des actes de médecin et de biologie), « FRANCHISE » (acte d'auxiliaire médical), « FRANCHISE-MEDICAMENT », « FRANCHISE-TRANSPORT ». Un mot-clé prend le montant en vigueur aujourd'hui ; REMB.SOINS le prend à la date des soins.",
    ],
    exemples: [
      { args: [30, P(70), 2], explication: "Consultation à 30 € : RO brut 21 €, moins la participation forfaitaire de 2 €." },
      { args: [43.38, P(60)], explication: "Détartrage : 26,028 € arrondi à 26,03 €." },
      { args: [1, P(60), 2], explication: "La retenue ne dépasse jamais le RO de l'acte." },
    ],
    remarques: [
      "Les plafonds annuels et journaliers de la participation forfaitaire et des franchises ne sont pas suivis ligne à ligne : indiquez le montant restant dû s'ils sont atteints.",
    ],
    references: [
      "R160-5 CSS (taux)",
      "L160-13 II et R160-19 CSS (participation forfaitaire)",
      "L160-13 III et D160-9 CSS (franchises, bornées au RO de l'acte)",
    ],
    format: "euros",
  },
  SOINS: {
    presentation: [
      "Décompte d'un acte avec base de remboursement : RO brut = base × taux, RO net = RO brut − retenue, garantie G en montant total Sécurité sociale incluse, RC = min(G ; frais) − RO brut (jamais négatif), reste à charge = frais − RO net − RC.",
      "La complémentaire calcule sur le RO brut : la participation forfaitaire et les franchises restent à la charge de l'assuré, comme l'exige le contrat responsable.",
      "Pour un médecin non adhérent à l'OPTAM (secteur « NON-OPTAM »), les dépassements pris en charge sont plafonnés par le contrat responsable.",
      RESULTATS,
    ],
    exemples: [
      {
        args: [30, 30, P(70), 1, null, "PF", D("2026-02-10")],
        explication: "Consultation de généraliste secteur 1, garantie 100 % BR (le nombre 1) : la complémentaire paie le ticket modérateur, 9 €.",
      },
      { args: [30, 30, P(70), 1, null, "PF", D("2026-02-10"), "RAC"], explication: "Le reste à charge est la participation forfaitaire de 2 €." },
      { args: [67, 23, P(70), 1, "NON-OPTAM", "PF", D("2025-06-01"), "RO"], explication: "Spécialiste non OPTAM : base 23 €, RO 16,10 − 2 = 14,10 €." },
      { args: [30, 30, P(70), 1, null, "PF", D("2026-02-10"), "DETAIL"], explication: "Le décompte détaillé, sur deux colonnes." },
    ],
    remarques: [
      "« 100 % BR » ne veut pas dire « aucun reste à charge » : c'est le ticket modérateur ; les dépassements, la participation forfaitaire et les franchises restent dus.",
      "Un nombre en garantie est un multiple de la base : 1,5 signifie 150 % BR. DETAIL montre toujours la lecture retenue.",
    ],
    references: [
      "R160-5 CSS (taux de remboursement)",
      "L871-1 CSS (ni participation forfaitaire ni franchise prises en charge)",
      "R871-2 1° CSS (ticket modérateur intégralement pris en charge)",
      "R871-2 2° CSS (dépassements des médecins non adhérents à l'OPTAM / OPTAM-CO)",
    ],
    format: "euros",
  },
  OPTIQUE: {
    presentation: [
      "Un équipement : une monture et deux verres. En classe B (prix libres), la garantie est limitée au plafond de la catégorie de l'équipement (Sécurité sociale incluse) et la monture à sa propre limite ; en classe A (100 % Santé), l'équipement est pris en charge jusqu'au prix limite de vente.",
      "La catégorie « a » à « f » vient des types des deux verres (REMB.VERRE, REMB.CATEGORIE).",
      RESULTATS,
    ],
    exemples: [
      {
        args: [50, 30, 85, "a", "A", 34.5, D("2025-06-01")],
        explication: "Équipement 100 % Santé unifocal à 115 € (base 34,50 €, RO 20,70 €) : la complémentaire paie le reste, 94,30 €.",
      },
      {
        args: [200, 100, 266, "a", "B", null, D("2025-06-01")],
        explication: "Classe B, forfait de 200 € : monture 100 € puis verres dans la limite du forfait, moins le RO de 0,09 €.",
      },
      {
        args: [800, 150, 600, "c", "B", null, D("2025-06-01"), "RAC"],
        explication: "Une garantie de 800 € au-delà du plafond de 700 € de la catégorie c : le plafond s'applique.",
      },
    ],
    remarques: ["Un nombre en garantie est un montant en euros par équipement (300 = 300 €)."],
    references: [
      "R871-2 3° CSS (classe A intégralement prise en charge, planchers et plafonds de la classe B, monture limitée)",
      "R160-5 8° CSS (dispositifs de la LPP)",
    ],
    format: "euros",
  },
  AUDIO: {
    presentation: [
      "Une aide auditive, pour une oreille. Classe I (100 % Santé) : prise en charge jusqu'au prix limite de vente. Classe II (prix libres) : garantie limitée au plafond du contrat responsable, Sécurité sociale incluse.",
      "La base de remboursement dépend de l'âge (tarif enfant avant 20 ans).",
      RESULTATS,
    ],
    exemples: [
      { args: [500, 950, "I", 45, D("2025-06-01")], explication: "Classe I au prix limite de vente de 950 € : RO 240 €, la complémentaire paie 710 €." },
      { args: [800, 1582, "II", 45, D("2025-06-01"), "RAC"], explication: "Classe II à 1 582 € avec une garantie de 800 € : reste à charge 782 €." },
      { args: [2000, 2000, "II", 45, D("2025-06-01")], explication: "Une garantie de 2 000 € est ramenée au plafond de 1 700 € par aide." },
    ],
    remarques: ["Un nombre en garantie est un montant en euros par aide auditive."],
    references: ["R871-2 4° CSS (classe I intégralement prise en charge, classe II plafonnée)", "R160-5 8° CSS (dispositifs de la LPP)"],
    format: "euros",
  },
  DENTAIRE: {
    presentation: [
      "Prothèses, orthodontie et soins dentaires. Panier 100 % Santé : pris en charge jusqu'aux honoraires limites de facturation (HLF), sans reste à charge. Paniers maîtrisé et libre : selon la garantie, le ticket modérateur au minimum.",
      RESULTATS,
    ],
    exemples: [
      {
        args: ["100 % BR", 500, 120, "100%SANTE", null, D("2025-06-01")],
        explication: "Couronne céramo-métallique sur incisive (100 % Santé) à 500 € : RO 72 €, la complémentaire paie le reste.",
      },
      {
        args: ["300 % BR", 557, 120, "LIBRE", null, D("2025-06-01"), "RAC"],
        explication: "Couronne sur molaire hors 100 % Santé, garantie 300 % BR : reste à charge 197 €.",
      },
      {
        args: ["250 % BR", 707, 193.5, null, 1, D("2025-06-01")],
        explication: "Orthodontie commencée avant 16 ans, remboursée à 100 % par la Sécurité sociale.",
      },
      { args: [1, 43.38, 43.38, null, null, D("2023-06-01"), "RO"], explication: "Détartrage avant le passage du taux dentaire de 70 % à 60 %." },
    ],
    remarques: ["Un nombre en garantie est un multiple de la base : 3 signifie 300 % BR."],
    references: ["R871-2 5° CSS (panier 100 % Santé jusqu'aux HLF)", "R160-5 3° bis CSS (taux des actes dentaires)"],
    format: "euros",
  },
  SEJOUR: {
    presentation: [
      "Frais de séjour hospitalier : la Sécurité sociale rembourse 80 % par défaut (ticket modérateur de 20 %). Avec un acte lourd, une participation forfaitaire remplace le ticket modérateur pour tout le séjour ; le contrat responsable doit la prendre en charge.",
      RESULTATS,
    ],
    exemples: [
      { args: [3541, 3541, 1, null, null, D("2025-06-01"), "RO"], explication: "Séjour médical à 3 541 € : RO 80 % = 2 832,80 €." },
      { args: [3541, 3541, 1, null, null, D("2025-06-01")], explication: "Avec une garantie de 100 % BR, la complémentaire paie le ticket modérateur." },
      {
        args: [835.6, 835.6, 1, true, null, D("2025-06-01")],
        explication: "Cataracte avec acte lourd : la participation de 24 € remplace le ticket modérateur et est couverte.",
      },
    ],
    remarques: ["Le forfait journalier se calcule à part : REMB.FJ."],
    references: ["R160-5 1° et 2° CSS (hospitalisation)", "R160-16 I CSS (participation « actes lourds »)", "R871-2 1° CSS (ticket modérateur pris en charge)"],
    format: "euros",
  },
  FJ: {
    presentation: [
      "Le forfait journalier hospitalier est dû pour chaque jour d'un séjour de plus de 24 heures, jour de sortie compris ; la Sécurité sociale ne le rembourse pas et le contrat responsable doit le couvrir sans limitation de durée.",
      "Chaque jour est compté au montant en vigueur ce jour-là : un séjour à cheval sur un changement de tarif mêle les deux montants.",
    ],
    exemples: [
      { args: [3, null, D("2026-03-01")], explication: "Trois jours à 23 €." },
      { args: [3, true, D("2026-03-01")], explication: "Service de psychiatrie : 17 € par jour." },
      { args: [2, null, D("2026-02-28")], explication: "Entrée le 28/02/2026 : 20 € puis 23 € le 01/03/2026." },
    ],
    remarques: ["Les exonérations (maternité, nouveau-nés, accidents du travail…) ne sont pas appliquées : ne comptez pas ces jours."],
    references: ["L174-4 CSS (forfait journalier)", "R174-5-1 CSS (psychiatrie)", "R871-2 6° CSS (prise en charge sans limitation de durée)"],
    format: "euros",
  },
  GARANTIE: {
    presentation: [
      "Le montant total garanti par une expression de garantie, Sécurité sociale incluse, pour une base donnée.",
      "REMB.GARANTIE ne connaît pas le taux de la Sécurité sociale : une expression qui en dépend (« en sus du RO », un pourcentage du ticket modérateur) rend #N/A ; REMB.SOINS avec resultat « DETAIL » montre alors le montant garanti.",
    ],
    exemples: [
      { args: ["150 % BR", 30], explication: "150 % d'une base de 30 €." },
      { args: ["100 % BR + 50 €", 30], explication: "Les termes s'additionnent." },
      { args: ["1,5 % PMSS", 0, null, D("2026-01-01")], explication: "1,5 % du PMSS 2026 (4 005 €) : 60,075 arrondi à 60,08 €." },
      { args: ["Frais réels", 30, 80], explication: "Les frais réels donnés en troisième argument." },
    ],
    remarques: ["Sans frais, une garantie en frais réels prend la base comme montant des frais."],
    references: ["Conventions des grilles de garanties (architecture REMB, langage des garanties)"],
    format: "euros",
  },
  NORMALISER: {
    presentation: [
      "Réécrit une expression de garantie sous sa forme canonique (« 150%BR » devient « 150 % BR »), ou rend le message d'erreur de lecture, avec la position et ce qui était attendu.",
    ],
    exemples: [
      { args: ["150%BR+50€/an"], explication: "La forme canonique." },
      { args: ["-"], explication: "Un tiret : aucune prise en charge." },
      { args: ["150 % BX"], explication: "Une expression illisible : le message dit où et ce qui était attendu." },
    ],
    remarques: ["Appliquée à une colonne d'une grille, REMB.NORMALISER montre d'un coup d'œil les cellules à corriger."],
    references: ["Conventions des grilles de garanties (architecture REMB, langage des garanties)"],
    format: "texte",
  },
  PLAFOND: {
    presentation: [
      "Le plafond du contrat responsable pour un poste, selon la date du contrat (régime 2015 ou 2020) : équipement d'optique de classe B par catégorie, monture, aide auditive de classe II, dépassements non OPTAM.",
      "Pour « non-optam », categorie est le niveau de la garantie OPTAM (1,5 ou « 150 % ») et le résultat un multiple de la base (1,3 = 130 % BR) ; les autres postes rendent des euros.",
    ],
    exemples: [
      { args: ["optique", "c", D("2025-06-01")], explication: "Équipement de catégorie c (deux verres complexes), Sécurité sociale incluse." },
      { args: ["monture", null, D("2019-06-01")], explication: "Contrat de 2019 : régime 2015, monture limitée à 150 €." },
      { args: ["non-optam", 1.5, D("2025-06-01")], explication: "OPTAM couvert à 150 % BR : le non OPTAM est limité à 130 % BR.", format: "nombre" },
    ],
    remarques: ["Les postes sans plafond légal (ticket modérateur, forfait journalier, OPTAM) rendent #N/A avec l'explication."],
    references: ["R871-2 2° CSS (non OPTAM)", "R871-2 3° CSS (optique)", "R871-2 4° CSS (audio)"],
    format: "nombre",
  },
  PLANCHER: {
    presentation: [
      "Le plancher du contrat responsable pour un poste : l'équipement d'optique de classe B par catégorie (seulement si le contrat couvre plus que le ticket modérateur), la classe I des aides auditives, le ticket modérateur…",
    ],
    exemples: [
      { args: ["optique", "a", D("2025-06-01")], explication: "Équipement de catégorie a (deux verres simples)." },
      { args: ["optique", "c", D("2025-06-01")], explication: "Équipement de catégorie c." },
    ],
    remarques: [
      "categorie dépend du poste : catégorie d'optique, porteur pour « audio classe I » (« adulte », « enfant » ou un âge), « psychiatrie » pour le forfait journalier. Les autres postes la refusent : laissez-la vide.",
    ],
    references: ["R871-2 3° CSS (planchers de la classe B)", "D911-1 CSS (contrats collectifs obligatoires)"],
    format: "nombre",
  },
  PARAM: {
    presentation: [
      "La valeur d'un paramètre légal à une date, avec les noms de la documentation des paramètres : montants en euros, taux en décimal (0,1327 : mettez la cellule au format %), nombres, VRAI/FAUX, dates (numéro de série : format date).",
      "Une date antérieure à la première valeur connue rend #N/A : REMB ne prend jamais la valeur la plus proche.",
    ],
    exemples: [
      { args: ["pmss", D("2026-01-01")], explication: "Plafond mensuel de la Sécurité sociale 2026." },
      { args: ["pf.montant", D("2024-05-15")], explication: "Participation forfaitaire : 2 € depuis le 15/05/2024." },
      { args: ["tsa.responsable", D("2026-01-01")], explication: "Taux de la TSA des contrats solidaires et responsables." },
    ],
    remarques: [],
    references: ["Paramètres légaux datés de REMB, chacun avec sa référence (docs/parametres.md)"],
    format: "nombre",
  },
  VERRE: {
    presentation: [
      "Le type d'un verre selon les définitions du contrat responsable, en cylindre positif : un cylindre négatif est d'abord transposé (sphère + cylindre, cylindre changé de signe).",
    ],
    exemples: [
      { args: [-2, 0], explication: "Unifocal sphérique dans [−6 ; +6]." },
      { args: [-6, -0.5], explication: "−6,00 (−0,50) s'écrit −6,50 (+0,50) : complexe." },
      { args: [-5, 0, true], explication: "Progressif sphérique hors [−4 ; +4]." },
      { args: [-5, 0.25, true], explication: "Progressif sphéro-cylindrique de sphère dans [−8 ; 0] : complexe." },
    ],
    remarques: ["Les bornes « comprises entre » sont lues comme incluses : c'est la seule lecture où tous les verres ont un type."],
    references: ["R871-2 3° CSS (définition des verres simples, complexes et très complexes)"],
    format: "texte",
  },
  CATEGORIE: {
    presentation: ["La catégorie de l'équipement (« a » à « f ») à partir des types des deux verres, dans n'importe quel ordre."],
    exemples: [
      { args: ["simple", "complexe"], explication: "Un verre simple et un complexe." },
      { args: ["très complexe", "très complexe"], explication: "Deux verres très complexes." },
    ],
    remarques: ["Deux verres différents du même type prennent la catégorie de ce type (par exemple a, c ou f)."],
    references: ["R871-2 3° a) à f) CSS"],
    format: "texte",
  },
  RENOUVELLEMENT: {
    presentation: [
      "VRAI si un équipement d'optique ou une aide auditive peut être renouvelé à la date d'achat, selon les délais du contrat responsable : optique, deux ans pour un adulte (un an après une évolution de la vue, ou avant 16 ans) ; audio, quatre ans par oreille. Le délai court jusqu'au jour anniversaire inclus.",
      "motif : « évolution de la vue », « médical », « monture inadaptée » ou vide.",
    ],
    exemples: [
      { args: ["optique", D("2023-03-15"), D("2025-03-15")], explication: "Adulte, deux ans jour pour jour." },
      { args: ["optique", D("2023-03-15"), D("2024-03-15"), null, "évolution de la vue"], explication: "Un an suffit après une évolution de la vue." },
      { args: ["audio", D("2021-06-01"), D("2025-05-31")], explication: "Aide auditive : moins de quatre ans." },
    ],
    remarques: [
      "Les conditions détaillées de la LPP (seuils d'évolution de la vue, situations médicales) viennent de sources secondaires : elles sont à confirmer.",
    ],
    references: [
      "R871-2 3° CSS (optique : un équipement par période de deux ans, sauf cas prévus par la LPP)",
      "R871-2 4° CSS (une aide auditive par oreille tous les quatre ans)",
    ],
    format: "texte",
  },
  TSA: {
    presentation: [
      "La taxe de solidarité additionnelle due sur une cotisation hors taxe : taux réduit pour un contrat solidaire et responsable, taux majoré sinon.",
    ],
    exemples: [
      { args: [100, null, D("2026-01-01")], explication: "Contrat solidaire et responsable : 13,27 %." },
      { args: [100, false, D("2026-01-01")], explication: "Contrat non responsable : 20,27 %." },
    ],
    remarques: ["Avant le 01/01/2016, la TSA et la taxe sur les conventions d'assurance coexistaient : utilisez REMB.PARAM."],
    references: ["L862-4 CSS (taxe de solidarité additionnelle)", "L871-1 CSS (contrat responsable)"],
    format: "euros",
  },
  VERIFIER: {
    presentation: [
      "Vérifie une grille de garanties (une ligne par poste, une colonne par niveau, telle que l'assureur l'imprime) au regard des règles du contrat responsable : ticket modérateur, dépassements des médecins non adhérents à l'OPTAM, optique (100 % Santé, planchers, plafonds, monture), aides auditives, dentaire 100 % Santé, forfait journalier, réseaux de soins…",
      "Le résultat est un tableau : une ligne d'en-tête, puis un constat par ligne — gravité (Erreur, Alerte, Information), règle, poste reconnu, libellé et niveau de la grille, valeur imprimée, cellule, message et référence légale. Sans erreur ni alerte, une ligne « Conforme » vient en tête.",
      "Les règles dépendent de la date de souscription ou de renouvellement du contrat : date_soins si elle est donnée, sinon la date d'effet imprimée sur la grille, sinon aujourd'hui.",
    ],
    exemples: [
      {
        args: [
          {
            plage: "A1:C5",
            cellules: [
              ["Garanties", "Niveau 1", "Niveau 2"],
              ["Biologie", "100 % BR", "90 % BR"],
              ["Consultations spécialiste OPTAM", "150 % BR", "200 % BR"],
              ["Consultations spécialiste non OPTAM", "130 % BR", "200 % BR"],
              ["Forfait journalier hospitalier", "Frais réels", "20 € / jour"],
            ],
          },
          D("2026-06-01"),
        ],
        explication:
          "La plage A1:C5 contient une grille de deux niveaux : biologie à 90 % BR, non-OPTAM à 200 % avec OPTAM à 200 % (180 % au plus), forfait journalier à 20 € (23 € depuis le 01/03/2026).",
      },
      {
        args: [
          {
            plage: "A1:B3",
            cellules: [
              ["Garanties", "Niveau 1"],
              ["Frais de séjour", "100 % BR"],
              ["Forfait journalier hospitalier", "Frais réels"],
            ],
          },
          D("2026-06-01"),
        ],
        explication: "Une grille sans écart : la ligne « Conforme », puis les informations.",
      },
    ],
    remarques: [
      "Les cellules se lisent dans le langage des garanties (voir REMB.NORMALISER) ; une cellule illisible ou un libellé inconnu donne une alerte « lecture » à son adresse, et le reste de la grille est vérifié.",
      "Une colonne d'option ou de surcomplémentaire (« Option 1 (en sus de la base) ») est vérifiée sur la couverture cumulée base + option.",
      "La liste complète des règles vérifiées, leur gravité et leurs limites : docs/verification.md du projet. Le même contrôle existe en ligne de commande (remb verifier) pour des dossiers de grilles.",
      "Le module de vérification se charge au premier appel de la fonction.",
    ],
    references: [
      "L871-1 CSS (contrat responsable : participation forfaitaire, franchises, tiers payant)",
      "R871-1 CSS (parcours de soins)",
      "R871-2 CSS 1° à 8° (garanties minimales et plafonds)",
      "L863-8 CSS (réseaux de soins)",
      "D911-1 CSS (contrats collectifs obligatoires)",
    ],
    format: "texte",
    plages:
      "grille est une plage entière : titre et date d'effet au-dessus de l'en-tête, ligne d'en-tête des niveaux, lignes de section (« OPTIQUE »…) et lignes de postes. Le résultat se déverse sur autant de lignes qu'il y a de constats ; laissez de la place sous la cellule.",
  },
  SCENARIOS: {
    presentation: [
      "Donne la liste commune des exemples de remboursement (hospitalisation, soins courants, dentaire, optique, aides auditives) que les assureurs publient, pour comparer des contrats en euros : un scénario par ligne, sous une ligne d'en-tête.",
      "Chaque ligne dit le prix, le prix en réseau de soins quand un écart de prix est connu, la base et le taux de la Sécurité sociale, et la fonction REMB qui le calcule (REMB.SOINS, REMB.SEJOUR, REMB.DENTAIRE, REMB.OPTIQUE, REMB.AUDIO) avec ses autres arguments : secteur, participation forfaitaire, acte lourd, classe ou panier, catégorie.",
      "Les bases, les taux et les prix qui sont des montants légaux (forfait journalier, honoraires limites de facturation, prix limite de vente) sont ceux en vigueur à date_soins ; les autres prix sont des prix de marché observés en 2025, que vous pouvez remplacer dans votre feuille.",
    ],
    exemples: [
      { args: [D("2026-06-01")], explication: "Les scénarios au 01/06/2026 : forfait journalier à 23 €, couronne 100 % Santé aux honoraires limites de 2026." },
    ],
    remarques: [
      "Le tableau se déverse sur 27 lignes et 17 colonnes : laissez de la place sous la cellule et à sa droite.",
      "Les prix observés, leur source et les profils annuels (jeune actif, famille, senior) sont décrits dans docs/comparaison.md du projet ; le volet « Comparer » et la commande remb comparer écrivent une feuille de comparaison complète.",
      "Le module des scénarios se charge au premier appel de la fonction.",
    ],
    references: [
      "L160-13 CSS (participation forfaitaire)",
      "R160-16 CSS (participation « actes lourds »)",
      "L174-4 CSS (forfait journalier)",
      "R871-2 CSS (contrat responsable)",
    ],
    format: "texte",
    plages: "La fonction ne lit qu'une date : le résultat est un tableau, une ligne par scénario.",
  },
};
