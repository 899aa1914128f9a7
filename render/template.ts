import * as fs from "node:fs";
import * as path from "node:path";
import Handlebars from "handlebars";

/** Where the `.hbs` files live: `templates/` at the project root, next to `render/`. */
export const TEMPLATES_DIR = path.resolve(__dirname, "..", "templates");

const compiled = new Map<string, HandlebarsTemplateDelegate>();

/**
 * Renders `templates/<name>.hbs` with `view`.
 *
 * `strict` makes a missing view field an error instead of an empty string (a typo in a
 * template must not silently drop a setting); `noEscape` because the output is config text,
 * not HTML. Templates only lay out what the typed view builders computed: no logic in them.
 */
export function renderTemplate(name: string, view: object): string {
  let template = compiled.get(name);
  if (template === undefined) {
    const source = fs.readFileSync(path.join(TEMPLATES_DIR, `${name}.hbs`), "utf8");
    template = Handlebars.compile(source, { strict: true, noEscape: true });
    compiled.set(name, template);
  }
  return template(view);
}
