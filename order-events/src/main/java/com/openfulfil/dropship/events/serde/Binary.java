package com.openfulfil.dropship.events.serde;

import com.openfulfil.dropship.events.Event;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pipeline's own binary format for records: what internal topics and state stores carry, several
 * times cheaper to read and write than JSON. A value starts with {@link #MAGIC}, which no JSON text
 * starts with, so a reader tells the two formats apart by the first byte.
 *
 * <p>A record is written as its components in declaration order, behind its byte length and its
 * component count. That is what keeps the format open to change the way JSON was: a component added
 * at the end is read as absent (null, 0, false) from older values, and a reader that does not know
 * a newer value's trailing components skips them. Components are never reordered, removed or
 * retyped; {@code BinaryLayoutTest} holds every record of the contract to its recorded layout.
 * Polymorphic values (an {@link Event}, a sealed interface) carry their type's simple name. Enums
 * travel by name, so adding a constant is safe too.
 */
public final class Binary {
    /** The first byte of every value in this format. */
    public static final byte MAGIC = (byte) 0xB1;
    private static final byte VERSION = 1;

    private static final Map<Type, Codec> CODECS = new ConcurrentHashMap<>();
    private static final Map<Type, Codec> BUILDING = new HashMap<>();
    private static final Map<String, RecordCodec> BY_NAME = new ConcurrentHashMap<>();

    static {
        Json.eventTypes().forEach(t -> BY_NAME.put(t.getSimpleName(), (RecordCodec) codec(t)));
    }

    private Binary() {
    }

    /** Whether {@code bytes} are a value in this format (and not, say, JSON). */
    public static boolean isBinary(byte[] bytes) {
        return bytes != null && bytes.length > 1 && bytes[0] == MAGIC;
    }

    /** Writes {@code value} as a {@code type}; an interface or {@code Event} type writes the concrete type's name too. */
    public static byte[] write(Object value, Class<?> type) {
        Out out = new Out(256);
        out.writeByte(MAGIC);
        out.writeByte(VERSION);
        codec(type).write(out, value);
        return out.toByteArray();
    }

    /** Reads a value written by {@link #write} with the same (or a compatible) type. */
    @SuppressWarnings("unchecked")
    public static <T> T read(byte[] bytes, Class<T> type) {
        if (!isBinary(bytes)) {
            throw new IllegalArgumentException("not a binary value");
        }
        if (bytes[1] != VERSION) {
            throw new IllegalArgumentException("unknown binary format version " + bytes[1]);
        }
        In in = new In(bytes, 2);
        return (T) codec(type).read(in);
    }

    /** The concrete event type named {@code simpleName}, if the contract has one. */
    static boolean knowsEventType(String simpleName) {
        return BY_NAME.containsKey(simpleName);
    }

    /** The components of {@code type}'s records as they are laid out, for the layout test. */
    public static String layout(Class<? extends Record> type) {
        StringBuilder sb = new StringBuilder(type.getSimpleName()).append('(');
        RecordComponent[] components = type.getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(components[i].getGenericType().getTypeName()
                    .replaceAll("[a-z]+\\.", "")).append(' ').append(components[i].getName());
        }
        return sb.append(')').toString();
    }

    // ---- codecs ---------------------------------------------------------------------------------

    interface Codec {
        void write(Out out, Object value);

        Object read(In in);

        /** What a component absent from an older value reads as. */
        default Object absent() {
            return null;
        }
    }

    static Codec codec(Type type) {
        Codec known = CODECS.get(type);
        if (known != null) {
            return known;
        }
        synchronized (BUILDING) {
            known = CODECS.get(type);
            return known != null ? known : build(type);
        }
    }

    /**
     * Builds a codec and those of its components; they are published together once complete, so
     * another thread never sees one half built. A record is known while its components are built,
     * so a record may contain itself.
     */
    private static Codec build(Type type) {
        Codec building = BUILDING.get(type);
        if (building != null) {
            return building;
        }
        boolean outermost = BUILDING.isEmpty();
        try {
            Codec created;
            if (type instanceof Class<?> cls && cls.isRecord()) {
                RecordCodec codec = new RecordCodec(cls);
                BUILDING.put(type, codec);
                codec.init();
                created = codec;
            } else {
                created = create(type);
                BUILDING.put(type, created);
            }
            if (outermost) {
                CODECS.putAll(BUILDING);
            }
            return created;
        } finally {
            if (outermost) {
                BUILDING.clear();
            }
        }
    }

    private static Codec create(Type type) {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (List.class == raw || Collection.class == raw) {
                return new ListCodec(codec(bound(args[0])), false);
            }
            if (Set.class == raw) {
                return new ListCodec(codec(bound(args[0])), true);
            }
            if (Map.class == raw) {
                return new MapCodec(codec(bound(args[0])), codec(bound(args[1])));
            }
            throw unsupported(type);
        }
        if (!(type instanceof Class<?> cls)) {
            throw unsupported(type);
        }
        if (cls == String.class) {
            return Scalars.STRING;
        }
        if (cls == int.class || cls == Integer.class) {
            return cls.isPrimitive() ? Scalars.INT : Scalars.nullable(Scalars.INT);
        }
        if (cls == long.class || cls == Long.class) {
            return cls.isPrimitive() ? Scalars.LONG : Scalars.nullable(Scalars.LONG);
        }
        if (cls == boolean.class || cls == Boolean.class) {
            return cls.isPrimitive() ? Scalars.BOOLEAN : Scalars.nullable(Scalars.BOOLEAN);
        }
        if (cls == double.class || cls == Double.class) {
            return cls.isPrimitive() ? Scalars.DOUBLE : Scalars.nullable(Scalars.DOUBLE);
        }
        if (cls == BigDecimal.class) {
            return Scalars.nullable(Scalars.DECIMAL);
        }
        if (cls == Instant.class) {
            return Scalars.nullable(Scalars.INSTANT);
        }
        if (cls == LocalDate.class) {
            return Scalars.nullable(Scalars.DATE);
        }
        if (cls == Duration.class) {
            return Scalars.nullable(Scalars.DURATION);
        }
        if (cls.isEnum()) {
            return new EnumCodec(cls);
        }
        if (cls == Event.class || cls.isSealed()) {
            return new PolymorphicCodec(cls);
        }
        throw unsupported(type);
    }

    private static Type bound(Type t) {
        return t instanceof WildcardType w ? w.getUpperBounds()[0] : t;
    }

    private static IllegalArgumentException unsupported(Type type) {
        return new IllegalArgumentException("The binary format cannot carry " + type.getTypeName());
    }

    private static final class Scalars {
        static final Codec STRING = new Codec() {
            public void write(Out out, Object v) {
                out.writeString((String) v);
            }

            public Object read(In in) {
                return in.readString();
            }
        };
        static final Codec INT = new Codec() {
            public void write(Out out, Object v) {
                out.writeVarLong(zigzag((Integer) v));
            }

            public Object read(In in) {
                return (int) unzigzag(in.readVarLong());
            }

            public Object absent() {
                return 0;
            }
        };
        static final Codec LONG = new Codec() {
            public void write(Out out, Object v) {
                out.writeVarLong(zigzag((Long) v));
            }

            public Object read(In in) {
                return unzigzag(in.readVarLong());
            }

            public Object absent() {
                return 0L;
            }
        };
        static final Codec BOOLEAN = new Codec() {
            public void write(Out out, Object v) {
                out.writeByte((Boolean) v ? 1 : 0);
            }

            public Object read(In in) {
                return in.readByte() != 0;
            }

            public Object absent() {
                return false;
            }
        };
        static final Codec DOUBLE = new Codec() {
            public void write(Out out, Object v) {
                out.writeLong(Double.doubleToRawLongBits((Double) v));
            }

            public Object read(In in) {
                return Double.longBitsToDouble(in.readLong());
            }

            public Object absent() {
                return 0.0;
            }
        };
        /** Scale, then the unscaled value: a varlong when it fits, else its two's-complement bytes. */
        static final Codec DECIMAL = new Codec() {
            public void write(Out out, Object v) {
                BigDecimal d = (BigDecimal) v;
                out.writeVarLong(zigzag(d.scale()));
                BigInteger unscaled = d.unscaledValue();
                if (unscaled.bitLength() < 63) {
                    out.writeByte(0);
                    out.writeVarLong(zigzag(unscaled.longValue()));
                } else {
                    byte[] bytes = unscaled.toByteArray();
                    out.writeByte(1);
                    out.writeVarLong(bytes.length);
                    out.writeBytes(bytes);
                }
            }

            public Object read(In in) {
                int scale = (int) unzigzag(in.readVarLong());
                if (in.readByte() == 0) {
                    return BigDecimal.valueOf(unzigzag(in.readVarLong()), scale);
                }
                return new BigDecimal(new BigInteger(in.readBytes((int) in.readVarLong())), scale);
            }
        };
        static final Codec INSTANT = new Codec() {
            public void write(Out out, Object v) {
                Instant t = (Instant) v;
                out.writeVarLong(zigzag(t.getEpochSecond()));
                out.writeVarLong(t.getNano());
            }

            public Object read(In in) {
                return Instant.ofEpochSecond(unzigzag(in.readVarLong()), in.readVarLong());
            }
        };
        static final Codec DATE = new Codec() {
            public void write(Out out, Object v) {
                out.writeVarLong(zigzag(((LocalDate) v).toEpochDay()));
            }

            public Object read(In in) {
                return LocalDate.ofEpochDay(unzigzag(in.readVarLong()));
            }
        };
        static final Codec DURATION = new Codec() {
            public void write(Out out, Object v) {
                Duration d = (Duration) v;
                out.writeVarLong(zigzag(d.getSeconds()));
                out.writeVarLong(d.getNano());
            }

            public Object read(In in) {
                return Duration.ofSeconds(unzigzag(in.readVarLong()), in.readVarLong());
            }
        };

        /** A boxed or object scalar: a presence byte first. */
        static Codec nullable(Codec inner) {
            return new Codec() {
                public void write(Out out, Object v) {
                    if (v == null) {
                        out.writeByte(0);
                    } else {
                        out.writeByte(1);
                        inner.write(out, v);
                    }
                }

                public Object read(In in) {
                    return in.readByte() == 0 ? null : inner.read(in);
                }
            };
        }

        static long zigzag(long v) {
            return (v << 1) ^ (v >> 63);
        }

        static long unzigzag(long v) {
            return (v >>> 1) ^ -(v & 1);
        }
    }

    private static final class EnumCodec implements Codec {
        private final Map<String, Object> byName = new HashMap<>();
        private final Class<?> type;

        EnumCodec(Class<?> type) {
            this.type = type;
            for (Object constant : type.getEnumConstants()) {
                byName.put(((Enum<?>) constant).name(), constant);
            }
        }

        public void write(Out out, Object v) {
            out.writeString(v == null ? null : ((Enum<?>) v).name());
        }

        public Object read(In in) {
            String name = in.readString();
            if (name == null) {
                return null;
            }
            Object constant = byName.get(name);
            if (constant == null) {
                throw new IllegalArgumentException("no " + type.getSimpleName() + " " + name);
            }
            return constant;
        }
    }

    private static final class ListCodec implements Codec {
        private final Codec element;
        private final boolean set;

        ListCodec(Codec element, boolean set) {
            this.element = element;
            this.set = set;
        }

        public void write(Out out, Object v) {
            if (v == null) {
                out.writeVarLong(0);
                return;
            }
            Collection<?> items = (Collection<?>) v;
            out.writeVarLong(items.size() + 1L);
            for (Object item : items) {
                element.write(out, item);
            }
        }

        public Object read(In in) {
            long size = in.readVarLong() - 1;
            if (size < 0) {
                return null;
            }
            in.checkCount(size);
            Collection<Object> items = set ? new LinkedHashSet<>() : new ArrayList<>((int) size);
            for (long i = 0; i < size; i++) {
                items.add(element.read(in));
            }
            return items;
        }
    }

    private static final class MapCodec implements Codec {
        private final Codec key;
        private final Codec value;

        MapCodec(Codec key, Codec value) {
            this.key = key;
            this.value = value;
        }

        public void write(Out out, Object v) {
            if (v == null) {
                out.writeVarLong(0);
                return;
            }
            Map<?, ?> map = (Map<?, ?>) v;
            out.writeVarLong(map.size() + 1L);
            for (Map.Entry<?, ?> e : map.entrySet()) {
                key.write(out, e.getKey());
                value.write(out, e.getValue());
            }
        }

        public Object read(In in) {
            long size = in.readVarLong() - 1;
            if (size < 0) {
                return null;
            }
            in.checkCount(size);
            Map<Object, Object> map = new LinkedHashMap<>();
            for (long i = 0; i < size; i++) {
                map.put(key.read(in), value.read(in));
            }
            return map;
        }
    }

    /** A value of an open type: the concrete record's simple name, then the record. */
    private static final class PolymorphicCodec implements Codec {
        private final Class<?> base;
        private final Map<String, RecordCodec> subtypes = new HashMap<>();

        PolymorphicCodec(Class<?> base) {
            this.base = base;
            if (base != Event.class) {
                collect(base);
            }
        }

        private void collect(Class<?> type) {
            if (type.isRecord()) {
                subtypes.put(type.getSimpleName(), (RecordCodec) codec(type));
            } else if (type.isSealed()) {
                for (Class<?> sub : type.getPermittedSubclasses()) {
                    collect(sub);
                }
            }
        }

        public void write(Out out, Object v) {
            if (v == null) {
                out.writeString(null);
                return;
            }
            RecordCodec concrete = lookup(v.getClass().getSimpleName());
            if (concrete == null || concrete.type != v.getClass() || !base.isInstance(v)) {
                throw new IllegalArgumentException(v.getClass().getName() + " is not a " + base.getSimpleName()
                        + " the binary format knows");
            }
            out.writeString(v.getClass().getSimpleName());
            concrete.write(out, v);
        }

        public Object read(In in) {
            String name = in.readString();
            if (name == null) {
                return null;
            }
            RecordCodec concrete = lookup(name);
            if (concrete == null) {
                throw new IllegalArgumentException("unknown type " + name + " for a " + base.getSimpleName());
            }
            return concrete.read(in);
        }

        private RecordCodec lookup(String name) {
            return base == Event.class ? BY_NAME.get(name) : subtypes.get(name);
        }
    }

    /** A record: its length, its component count, then each component. */
    private static final class RecordCodec implements Codec {
        private static final MethodType ACCESSOR = MethodType.methodType(Object.class, Object.class);
        private static final MethodType CONSTRUCTOR = MethodType.methodType(Object.class, Object[].class);

        final Class<?> type;
        private Codec[] components;
        private MethodHandle[] accessors;
        private MethodHandle constructor;

        RecordCodec(Class<?> type) {
            this.type = type;
        }

        void init() {
            try {
                RecordComponent[] rc = type.getRecordComponents();
                Class<?>[] types = new Class<?>[rc.length];
                MethodHandles.Lookup lookup = MethodHandles.lookup();
                MethodHandle[] handles = new MethodHandle[rc.length];
                Codec[] codecs = new Codec[rc.length];
                for (int i = 0; i < rc.length; i++) {
                    types[i] = rc[i].getType();
                    rc[i].getAccessor().setAccessible(true);
                    handles[i] = lookup.unreflect(rc[i].getAccessor()).asType(ACCESSOR);
                    codecs[i] = codec(rc[i].getGenericType());
                }
                Constructor<?> canonical = type.getDeclaredConstructor(types);
                canonical.setAccessible(true);
                MethodHandle ctor = lookup.unreflectConstructor(canonical).asSpreader(Object[].class, rc.length)
                        .asType(CONSTRUCTOR);
                this.accessors = handles;
                this.components = codecs;
                this.constructor = ctor;
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("Cannot lay out " + type.getName() + " in the binary format", e);
            }
            if (Modifier.isAbstract(type.getModifiers())) {
                throw unsupported(type);
            }
        }

        public void write(Out out, Object v) {
            if (v == null) {
                out.writeInt(-1);
                return;
            }
            int lengthAt = out.reserveInt();
            out.writeVarLong(components.length);
            try {
                for (int i = 0; i < components.length; i++) {
                    components[i].write(out, (Object) accessors[i].invokeExact(v));
                }
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
            out.patchInt(lengthAt, out.position() - lengthAt - 4);
        }

        public Object read(In in) {
            int length = in.readInt();
            if (length < 0) {
                return null;
            }
            int end = in.position() + length;
            in.checkEnd(end);
            int written = (int) in.readVarLong();
            Object[] args = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                args[i] = i < written ? components[i].read(in) : components[i].absent();
            }
            in.position(end); // skips components this reader does not know
            try {
                return (Object) constructor.invokeExact(args);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
    }

    // ---- bytes ----------------------------------------------------------------------------------

    static final class Out {
        private byte[] buf;
        private int pos;

        Out(int capacity) {
            buf = new byte[capacity];
        }

        int position() {
            return pos;
        }

        private void ensure(int more) {
            if (pos + more > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, pos + more));
            }
        }

        void writeByte(int b) {
            ensure(1);
            buf[pos++] = (byte) b;
        }

        void writeBytes(byte[] bytes) {
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buf, pos, bytes.length);
            pos += bytes.length;
        }

        void writeInt(int v) {
            ensure(4);
            buf[pos++] = (byte) (v >>> 24);
            buf[pos++] = (byte) (v >>> 16);
            buf[pos++] = (byte) (v >>> 8);
            buf[pos++] = (byte) v;
        }

        void writeLong(long v) {
            writeInt((int) (v >>> 32));
            writeInt((int) v);
        }

        int reserveInt() {
            ensure(4);
            int at = pos;
            pos += 4;
            return at;
        }

        void patchInt(int at, int v) {
            buf[at] = (byte) (v >>> 24);
            buf[at + 1] = (byte) (v >>> 16);
            buf[at + 2] = (byte) (v >>> 8);
            buf[at + 3] = (byte) v;
        }

        void writeVarLong(long v) {
            ensure(10);
            while ((v & ~0x7FL) != 0) {
                buf[pos++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[pos++] = (byte) v;
        }

        /** Length + 1 (0 for null), then UTF-8; plain ASCII is copied byte by byte. */
        void writeString(String s) {
            if (s == null) {
                writeVarLong(0);
                return;
            }
            int n = s.length();
            boolean ascii = true;
            for (int i = 0; i < n && ascii; i++) {
                ascii = s.charAt(i) < 0x80;
            }
            if (ascii) {
                writeVarLong(n + 1L);
                ensure(n);
                for (int i = 0; i < n; i++) {
                    buf[pos++] = (byte) s.charAt(i);
                }
            } else {
                byte[] utf8 = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                writeVarLong(utf8.length + 1L);
                writeBytes(utf8);
            }
        }

        byte[] toByteArray() {
            return java.util.Arrays.copyOf(buf, pos);
        }
    }

    static final class In {
        private final byte[] buf;
        private int pos;

        In(byte[] buf, int pos) {
            this.buf = buf;
            this.pos = pos;
        }

        int position() {
            return pos;
        }

        void position(int at) {
            pos = at;
        }

        void checkEnd(int end) {
            if (end > buf.length || end < pos) {
                throw new IllegalArgumentException("truncated binary value");
            }
        }

        void checkCount(long count) {
            if (count > buf.length - pos) {
                throw new IllegalArgumentException("truncated binary value");
            }
        }

        byte readByte() {
            if (pos >= buf.length) {
                throw new IllegalArgumentException("truncated binary value");
            }
            return buf[pos++];
        }

        byte[] readBytes(int n) {
            checkEnd(pos + n);
            byte[] out = java.util.Arrays.copyOfRange(buf, pos, pos + n);
            pos += n;
            return out;
        }

        int readInt() {
            checkEnd(pos + 4);
            int v = ((buf[pos] & 0xFF) << 24) | ((buf[pos + 1] & 0xFF) << 16) | ((buf[pos + 2] & 0xFF) << 8)
                    | (buf[pos + 3] & 0xFF);
            pos += 4;
            return v;
        }

        long readLong() {
            return ((long) readInt() << 32) | (readInt() & 0xFFFFFFFFL);
        }

        long readVarLong() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = readByte();
                v |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return v;
                }
            }
            throw new IllegalArgumentException("malformed varint");
        }

        String readString() {
            long len = readVarLong() - 1;
            if (len < 0) {
                return null;
            }
            int n = (int) len;
            checkEnd(pos + n);
            String s = new String(buf, pos, n, java.nio.charset.StandardCharsets.UTF_8);
            pos += n;
            return s;
        }
    }
}
