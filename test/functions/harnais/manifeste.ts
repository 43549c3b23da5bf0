import { XMLParser, XMLValidator } from "fast-xml-parser";

/**
 * Offline checks of an add-in-only manifest (the online validator of office-addin-manifest needs the network):
 * well-formed XML, the element order of the schema for the elements REMB uses, every resid defined and at most 32
 * characters, the shared runtime wiring, https URLs, the REMB namespace, French strings within their limits.
 * Returns the problems in French (empty when the manifest passes).
 */

export interface Noeud {
  readonly nom: string;
  readonly attributs: Readonly<Record<string, string>>;
  readonly enfants: readonly Noeud[];
  readonly texte: string;
}

type Brut = Record<string, unknown>;

function convertir(b: Brut): Noeud | null {
  const nom = Object.keys(b).find((k) => k !== ":@");
  if (!nom || nom === "#text" || nom === "#comment" || nom.startsWith("?")) return null;
  const attributs: Record<string, string> = {};
  for (const [k, v] of Object.entries((b[":@"] as Record<string, unknown>) ?? {})) attributs[k.replace(/^@/, "")] = String(v);
  const contenu = (b[nom] as Brut[]) ?? [];
  const enfants = contenu.map(convertir).filter((n): n is Noeud => n !== null);
  const texte = contenu
    .filter((c) => "#text" in c)
    .map((c) => String(c["#text"]))
    .join("")
    .trim();
  return { nom, attributs, enfants, texte };
}

export function lireManifeste(xml: string): Noeud {
  const valide = XMLValidator.validate(xml);
  if (valide !== true) throw new Error(`XML mal formé : ${valide.err.msg} (ligne ${valide.err.line})`);
  const brut = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    parseAttributeValue: false,
    parseTagValue: false,
  }).parse(xml) as Brut[];
  const racines = brut.map(convertir).filter((n): n is Noeud => n !== null);
  if (racines.length !== 1) throw new Error("une seule racine attendue");
  return racines[0]!;
}

export function* parcourir(n: Noeud, chemin: string[] = []): Generator<{ noeud: Noeud; chemin: string[] }> {
  const ici = [...chemin, n.nom];
  yield { noeud: n, chemin: ici };
  for (const e of n.enfants) yield* parcourir(e, ici);
}

function enfant(n: Noeud | undefined, nom: string): Noeud | undefined {
  return n?.enfants.find((e) => e.nom === nom);
}

function descendant(n: Noeud, ...noms: string[]): Noeud | undefined {
  let c: Noeud | undefined = n;
  for (const nom of noms) c = enfant(c, nom);
  return c;
}

/**
 * Child order per the schema sequences (docs: « How to find the proper order of manifest elements »), for the
 * parents REMB uses. Keyed by parent name; for ambiguous names (ExtensionPoint, Host, Requirements, Description)
 * the key is "Parent/Name".
 */
const ORDRES: Readonly<Record<string, readonly string[]>> = {
  OfficeApp: [
    "Id",
    "AlternateId",
    "Version",
    "ProviderName",
    "DefaultLocale",
    "DisplayName",
    "Description",
    "IconUrl",
    "HighResolutionIconUrl",
    "SupportUrl",
    "AppDomains",
    "Hosts",
    "Requirements",
    "DefaultSettings",
    "Permissions",
    "Dictionary",
    "VersionOverrides",
    "ExtendedOverrides",
  ],
  VersionOverrides: ["Description", "Requirements", "Hosts", "Resources", "WebApplicationInfo", "EquivalentAddins"],
  "Hosts/Host": ["Runtimes", "AllFormFactors", "DesktopFormFactor"],
  "AllFormFactors/ExtensionPoint": ["Script", "Page", "Metadata", "Namespace"],
  DesktopFormFactor: ["GetStarted", "FunctionFile", "ExtensionPoint"],
  GetStarted: ["Title", "Description", "LearnMoreUrl"],
  "DesktopFormFactor/ExtensionPoint": ["OfficeTab", "CustomTab", "OfficeMenu"],
  Group: ["Label", "Icon", "Control"],
  Control: ["Label", "Supertip", "Icon", "Action", "Enabled", "Items"],
  Supertip: ["Title", "Description"],
  Action: ["TaskpaneId", "SourceLocation", "Title", "FunctionName"],
  Resources: ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"],
  Requirements: ["Sets", "Methods"],
};

function ordre(parent: Noeud, grandParent: string | undefined): readonly string[] | undefined {
  return ORDRES[`${grandParent}/${parent.nom}`] ?? ORDRES[parent.nom];
}

const RESID_MAX = 32;
const COURTE_MAX = 125;
const LONGUE_MAX = 250;

export function verifierManifeste(xml: string, options: { urlBase: string }): string[] {
  const p: string[] = [];
  let racine: Noeud;
  try {
    racine = lireManifeste(xml);
  } catch (e) {
    return [(e as Error).message];
  }
  if (racine.nom !== "OfficeApp") p.push(`racine ${racine.nom} au lieu de OfficeApp`);
  if (racine.attributs["xsi:type"] !== "TaskPaneApp") p.push("OfficeApp doit être de type TaskPaneApp");
  if (racine.attributs.xmlns !== "http://schemas.microsoft.com/office/appforoffice/1.1") p.push("espace de noms OfficeApp 1.1 attendu");

  // Element order.
  for (const { noeud, chemin } of parcourir(racine)) {
    const seq = ordre(noeud, chemin[chemin.length - 2]);
    if (!seq) continue;
    let rang = -1;
    for (const e of noeud.enfants) {
      const i = seq.indexOf(e.nom);
      if (i < 0) p.push(`${chemin.join("/")} : élément ${e.nom} inattendu`);
      else if (i < rang) p.push(`${chemin.join("/")} : ${e.nom} est mal placé (ordre du schéma : ${seq.join(", ")})`);
      else rang = i;
    }
  }

  // Identity and permissions.
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(enfant(racine, "Id")?.texte ?? "")) p.push("Id : GUID attendu");
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(enfant(racine, "Version")?.texte ?? "")) p.push("Version : n.n.n.n attendu");
  if (enfant(racine, "DefaultLocale")?.texte !== "fr-FR") p.push("DefaultLocale : fr-FR attendu");
  if (enfant(racine, "Permissions")?.texte !== "ReadWriteDocument") p.push("Permissions : ReadWriteDocument seulement");
  const nomAffiche = enfant(racine, "DisplayName")?.attributs.DefaultValue ?? "";
  if (!nomAffiche || nomAffiche.length > 30) p.push("DisplayName : 1 à 30 caractères (nom court du manifeste unifié)");
  const description = enfant(racine, "Description")?.attributs.DefaultValue ?? "";
  if (!description || description.length > LONGUE_MAX) p.push(`Description : 1 à ${LONGUE_MAX} caractères`);
  const hotes = enfant(racine, "Hosts")?.enfants.map((h) => h.attributs.Name);
  if (JSON.stringify(hotes) !== JSON.stringify(["Workbook"])) p.push("Hosts : Workbook seulement");

  // Resources: unique ids ≤ 32 characters, string lengths, https URLs.
  const vo = enfant(racine, "VersionOverrides");
  const ressources = vo && enfant(vo, "Resources");
  if (!ressources) return [...p, "VersionOverrides/Resources manquant"];
  const ids = new Map<string, string>();
  for (const groupe of ressources.enfants) {
    for (const r of groupe.enfants) {
      const id = r.attributs.id ?? "";
      if (!id) p.push(`${groupe.nom} : ressource sans id`);
      if (id.length > RESID_MAX) p.push(`resid « ${id} » : ${id.length} caractères (> ${RESID_MAX})`);
      if (ids.has(id)) p.push(`resid « ${id} » défini deux fois`);
      ids.set(id, groupe.nom);
      const v = r.attributs.DefaultValue ?? "";
      if (groupe.nom === "bt:ShortStrings" && (v.length === 0 || v.length > COURTE_MAX)) p.push(`${id} : texte court de 1 à ${COURTE_MAX} caractères`);
      if (groupe.nom === "bt:LongStrings" && (v.length === 0 || v.length > LONGUE_MAX)) p.push(`${id} : texte long de 1 à ${LONGUE_MAX} caractères`);
    }
  }
  const attendu: Record<string, string> = {
    Image: "bt:Images",
    SourceLocation: "bt:Urls",
    LearnMoreUrl: "bt:Urls",
    FunctionFile: "bt:Urls",
    Runtime: "bt:Urls",
    Label: "bt:ShortStrings",
    Title: "bt:ShortStrings",
    Namespace: "bt:ShortStrings",
    Description: "bt:LongStrings",
    "bt:Image": "bt:Images",
  };
  for (const { noeud, chemin } of parcourir(vo!)) {
    const resid = noeud.attributs.resid;
    if (resid === undefined) continue;
    if (resid.length > RESID_MAX) p.push(`resid « ${resid} » : plus de ${RESID_MAX} caractères`);
    const groupe = ids.get(resid);
    if (!groupe) p.push(`${chemin.join("/")} : resid « ${resid} » non défini dans Resources`);
    else if (attendu[noeud.nom] && attendu[noeud.nom] !== groupe)
      p.push(`${chemin.join("/")} : resid « ${resid} » est dans ${groupe}, ${attendu[noeud.nom]} attendu`);
  }

  // Every URL is https and served from the add-in's base URL (except Microsoft's learn-more links, none here).
  for (const { noeud, chemin } of parcourir(racine)) {
    for (const [a, v] of Object.entries(noeud.attributs)) {
      if (!/^(DefaultValue|Value)$/.test(a) || !/^[a-z]+:\/\//i.test(v)) continue;
      if (!v.startsWith("https://")) p.push(`${chemin.join("/")} : URL non https ${v}`);
      else if (!v.startsWith(options.urlBase)) p.push(`${chemin.join("/")} : URL ${v} hors de ${options.urlBase}`);
    }
  }

  // Shared runtime: one resid for the Runtime, the custom functions Page, the FunctionFile and the task pane.
  const hote = vo && descendant(vo, "Hosts", "Host");
  const runtime = hote && descendant(hote, "Runtimes", "Runtime");
  const pointCF = hote && enfant(hote, "AllFormFactors")?.enfants.find((e) => e.nom === "ExtensionPoint" && e.attributs["xsi:type"] === "CustomFunctions");
  const page = pointCF && descendant(pointCF, "Page", "SourceLocation");
  const fichierFonctions = hote && descendant(hote, "DesktopFormFactor", "FunctionFile");
  const resids = [runtime?.attributs.resid, page?.attributs.resid, fichierFonctions?.attributs.resid];
  if (!runtime || runtime.attributs.lifetime !== "long") p.push('Runtime lifetime="long" attendu (runtime partagé)');
  if (resids.some((r) => !r) || new Set(resids).size !== 1)
    p.push(`runtime partagé : Runtime, Page et FunctionFile doivent avoir le même resid (${resids.join(", ")})`);
  for (const { noeud } of parcourir(hote ?? racine)) {
    if (noeud.nom === "Action" && noeud.attributs["xsi:type"] === "ShowTaskpane") {
      const sl = enfant(noeud, "SourceLocation")?.attributs.resid;
      if (sl !== resids[0]) p.push(`le bouton du ruban doit ouvrir la page du runtime partagé (${sl} au lieu de ${resids[0]})`);
    }
  }
  const ensembles = descendant(racine, "Requirements", "Sets")?.enfants.map((s) => `${s.attributs.Name} ${s.attributs.MinVersion}`) ?? [];
  if (!ensembles.includes("SharedRuntime 1.1")) p.push("Requirements : SharedRuntime 1.1 attendu");
  const espace = pointCF && enfant(pointCF, "Namespace")?.attributs.resid;
  const valeurEspace = ressources.enfants.find((g) => g.nom === "bt:ShortStrings")?.enfants.find((s) => s.attributs.id === espace)?.attributs.DefaultValue;
  if (valeurEspace !== "REMB") p.push(`espace de noms des fonctions : REMB attendu (${valeurEspace})`);
  for (const [nom, fichier] of [
    ["Script", "functions.js"],
    ["Metadata", "functions.json"],
  ] as const) {
    const resid = pointCF && descendant(pointCF, nom, "SourceLocation")?.attributs.resid;
    const url = ressources.enfants.find((g) => g.nom === "bt:Urls")?.enfants.find((u) => u.attributs.id === resid)?.attributs.DefaultValue;
    if (url !== `${options.urlBase}${fichier}`) p.push(`${nom} : ${options.urlBase}${fichier} attendu (${url})`);
  }
  return p;
}

/** Every URL of the manifest (attribute values and element texts that are URLs), XML namespaces excepted. */
export function urlsDuManifeste(xml: string): string[] {
  const urls: string[] = [];
  for (const { noeud } of parcourir(lireManifeste(xml))) {
    for (const [a, v] of Object.entries(noeud.attributs)) if (!a.startsWith("xmlns") && /^https?:\/\//.test(v)) urls.push(v);
    if (/^https?:\/\//.test(noeud.texte)) urls.push(noeud.texte);
  }
  return urls;
}
