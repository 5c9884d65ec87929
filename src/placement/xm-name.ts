/**
 * @fileoverview The name xm gives a guest whose config sets none, or sets name = "" (the config
 * file's base name, which xend checks like any name), for plan and convert. One definition, the
 * XM0234 rule's: a copy here had to be kept in step with it by hand.
 */
export { xmFileName } from '../check/rules/name.js';
