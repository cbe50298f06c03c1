/**
 * Reading rig and plan YAML with every error located: {@link org.nicrig.host.config.YamlTree}
 * parses with Jackson's streaming parser into {@link org.nicrig.host.config.Node}s that keep line
 * and column; {@link org.nicrig.host.config.MapReader} and {@link org.nicrig.host.config.Scalars}
 * bind them, reporting to {@link org.nicrig.host.config.Problems} as
 * {@link org.nicrig.host.config.ConfigException}s ({@code file:line:col: path: message}), with
 * suggestions from {@link org.nicrig.host.config.DidYouMean}.
 */
package org.nicrig.host.config;
