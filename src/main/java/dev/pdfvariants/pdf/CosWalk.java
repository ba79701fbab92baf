package dev.pdfvariants.pdf;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSObject;

import dev.pdfvariants.document.Cancellation;

/**
 * Visits every dictionary (and stream dictionary) reachable from a root once, iteratively, so that
 * reference loops and deeply nested arrays in hostile files neither loop nor overflow the stack.
 * Stream data is never read. The visitor may remove entries from the dictionary it is given;
 * what it removed is not visited.
 */
public final class CosWalk {
    private CosWalk() {
    }

    /** Called once per reachable dictionary, before its values are visited. */
    @FunctionalInterface
    public interface Visitor {
        void visit(COSDictionary dictionary) throws IOException;
    }

    public static void walk(COSBase root, Visitor visitor, Cancellation cancellation) throws IOException {
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<COSBase> pending = new ArrayDeque<>();
        pending.push(root);
        long visited = 0;
        while (!pending.isEmpty()) {
            COSBase next = resolve(pending.pop());
            if (next == null || !seen.add(next)) {
                continue;
            }
            if ((++visited & 0x3FF) == 0) {
                cancellation.checkpoint();
            }
            if (next instanceof COSDictionary dictionary) {
                visitor.visit(dictionary);
                for (COSBase value : dictionary.getValues()) {
                    pending.push(value);
                }
            } else if (next instanceof COSArray array) {
                for (int i = 0; i < array.size(); i++) {
                    pending.push(array.get(i));
                }
            }
        }
    }

    /** The object behind an indirect reference (null for a dangling one). */
    static COSBase resolve(COSBase base) {
        return base instanceof COSObject reference ? reference.getObject() : base;
    }
}
