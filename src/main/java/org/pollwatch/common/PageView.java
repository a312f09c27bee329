package org.pollwatch.common;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list, with the total count so clients can page through it. */
@Schema(name = "Page")
public record PageView<T>(List<T> items, int page, int size, long total, int totalPages) {

    /** The largest page any list serves. */
    public static final int MAX_SIZE = 100;

    public static <T> PageView<T> of(List<T> items, int page, int size, long total) {
        return new PageView<>(items, page, size, total, (int) ((total + size - 1) / size));
    }
}
