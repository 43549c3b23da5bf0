/** A few DOM helpers: elements are built with text nodes only (no innerHTML), so a grid's text is never markup. */

type Enfant = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributs: Readonly<Record<string, string | boolean | undefined>> = {},
  ...enfants: Enfant[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attributs)) {
    if (v === undefined || v === false) continue;
    if (k === "class") e.className = String(v);
    else e.setAttribute(k, v === true ? "" : v);
  }
  ajouter(e, ...enfants);
  return e;
}

export function ajouter(parent: Node, ...enfants: Enfant[]): void {
  for (const x of enfants) {
    if (x === null || x === undefined || x === false) continue;
    parent.appendChild(typeof x === "string" ? document.createTextNode(x) : x);
  }
}

export function vider(e: Element): void {
  while (e.firstChild) e.removeChild(e.firstChild);
}

export function par<T extends HTMLElement = HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (!e) throw new Error(`Élément #${id} absent de taskpane.html.`);
  return e as T;
}

/** « 92 % ». */
export function pourcent(x: number): string {
  return `${Math.round(x * 100)} %`;
}
