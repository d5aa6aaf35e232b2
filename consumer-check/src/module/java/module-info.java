/** The consumer check as a named module: the published modules resolve on the module path. */
module io.github.csmkit.check {
  requires io.github.csmkit.client;
  requires io.github.csmkit.hubspot;

  exports io.github.csmkit.check;
}
