package org.unbanpanel.unblock;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxValues how many distinct values (addresses and accounts together) one request may carry (default 1,000)
 */
@ConfigurationProperties("panel.unblock")
record UnblockProperties(@DefaultValue("1000") int maxValues) {
}
