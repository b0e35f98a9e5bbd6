/**
 * Shared kernel: the value types every module uses (an address or network, an account name, a trust period, a refused
 * value and its rejection) and the one parser that reads a form field or JSON property into values or rejections.
 * Depends on nothing.
 */
@ApplicationModule(displayName = "Core (shared kernel)", allowedDependencies = {})
package org.unbanpanel.core;

import org.springframework.modulith.ApplicationModule;
