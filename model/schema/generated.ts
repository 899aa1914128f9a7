/** Every file `npm run schema` generates, by path relative to the project, with its content. */
import { generatedSchemaFiles } from "./jsonSchema";
import { configReferenceMarkdown } from "./reference";

export function generatedFiles(): Record<string, string> {
  return { ...generatedSchemaFiles(), "docs/config-reference.md": configReferenceMarkdown() };
}
