import type { DefinitionPoste, IdRegle } from "./types";

/**
 * Builders for catalogue entries. Defaults: the AMO reimburses the care and its TM must be covered
 * (R871-2 1°, the general rule of rule « R871-2 1° »); a line without BR has no TM. Two rules are added from the facts
 * rather than repeated by hand: "R871-2 1°" on every line whose TM is mandatory, and "L863-8" on every
 * doctor's act (no réseau modulation).
 */
type Saisie<C extends string> = Omit<DefinitionPoste, "code" | "remboursableRo" | "acteMedecin" | "tm" | "regles"> & {
  readonly code: C;
  readonly remboursableRo?: boolean;
  readonly acteMedecin?: boolean;
  readonly tm?: DefinitionPoste["tm"];
  readonly regles?: readonly IdRegle[];
};

export type PosteDe<C extends string> = DefinitionPoste & { readonly code: C };

export function poste<const C extends string>(s: Saisie<C>): PosteDe<C> {
  const remboursableRo = s.remboursableRo ?? true;
  const acteMedecin = s.acteMedecin ?? false;
  const tm = s.tm ?? (remboursableRo ? "obligatoire" : "sans-objet");
  const regles: IdRegle[] = [];
  if (tm === "obligatoire") regles.push("R871-2 1°");
  for (const r of s.regles ?? []) if (!regles.includes(r)) regles.push(r);
  if (acteMedecin && !regles.includes("L863-8")) regles.push("L863-8");
  return Object.freeze({ ...s, remboursableRo, acteMedecin, tm, regles: Object.freeze(regles) });
}

interface SaisieSecteurs {
  /** Label of the kind of act, without the sector (« Consultations et visites de généralistes »). */
  readonly libelle: string;
  readonly section: DefinitionPoste["section"];
  /** Wordings of the kind of act alone; « OPTAM » / « non OPTAM » are appended for the paired lines. */
  readonly synonymes: readonly string[];
  readonly synonymesSection?: readonly string[];
  readonly calculateur: DefinitionPoste["calculateur"];
  readonly tauxRo: string;
  readonly regles?: readonly IdRegle[];
}

/**
 * A doctor's act comes as three lines: printed once for every doctor, or as the R871-2 2° pair
 * (DPTM adherents / non-adherents). All three share `paire` so the validator can pair them per level.
 */
export function secteurs<const B extends string>(base: B, s: SaisieSecteurs): readonly [PosteDe<B>, PosteDe<`${B}.optam`>, PosteDe<`${B}.non-optam`>] {
  const commun = {
    section: s.section,
    calculateur: s.calculateur,
    tauxRo: s.tauxRo,
    acteMedecin: true,
    paire: base,
    regles: ["R871-2 2°", ...(s.regles ?? [])] as IdRegle[],
  } as const;
  const suffixer = (liste: readonly string[] | undefined, suffixe: string) => liste?.map((x) => `${x} ${suffixe}`);
  const avecSection = (liste: readonly string[] | undefined) => (liste ? { synonymesSection: liste } : {});
  return [
    poste({ ...commun, code: base, libelle: `${s.libelle} (tous médecins)`, secteur: "TOUS", synonymes: s.synonymes, ...avecSection(s.synonymesSection) }),
    poste({
      ...commun,
      code: `${base}.optam` as `${B}.optam`,
      libelle: `${s.libelle} — médecins adhérents OPTAM / OPTAM-CO`,
      secteur: "OPTAM",
      synonymes: suffixer(s.synonymes, "OPTAM")!,
      ...avecSection(suffixer(s.synonymesSection, "OPTAM")),
    }),
    poste({
      ...commun,
      code: `${base}.non-optam` as `${B}.non-optam`,
      libelle: `${s.libelle} — médecins non adhérents OPTAM / OPTAM-CO`,
      secteur: "NON-OPTAM",
      synonymes: suffixer(s.synonymes, "non OPTAM")!,
      ...avecSection(suffixer(s.synonymesSection, "non OPTAM")),
    }),
  ];
}
