package io.opencases.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/** The precompiled jte templates (generated at build time by jte-maven-plugin); HTML output is escaped. */
final class Templates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html, null,
            "io.opencases.web.jte");

    String render(String template, Object model) {
        var output = new StringOutput(8192);
        engine.render(template, model, output);
        return output.toString();
    }
}
