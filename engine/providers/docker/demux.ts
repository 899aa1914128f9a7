export { demuxed } from "../../../ops/docker";
