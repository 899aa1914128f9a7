/**
 * The provider looks an image up on the engine and pulls only when it is missing. No registry
 * is reachable here, so a missing image is a setup error, reported with the fix.
 */
import type Docker from "dockerode";

export interface LocalImage {
  readonly id: string;
  readonly repoDigest: string;
}

export async function findLocalImage(docker: Docker, name: string, where: string): Promise<LocalImage> {
  try {
    const info = await docker.getImage(name).inspect();
    return { id: info.Id, repoDigest: info.RepoDigests?.[0] ?? "" };
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) {
      throw new Error(`${where}: image "${name}" is not on the Docker engine and the e2e suite never pulls; build it first (npm run images)`);
    }
    throw error;
  }
}
